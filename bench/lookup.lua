-- wrk script: GET /api/v1/lookup?q=<a random customer's phone, typed with spaces>.
-- bench_generate gives customer i (0-based) the phone "+86 139 AAAA BBBB", AAAABBBB = i.
-- Environment: BENCH_TOKEN (bearer token), BENCH_CUSTOMERS (customers in the data set).
local token = os.getenv("BENCH_TOKEN") or ""
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "100000")
local headers = { ["Authorization"] = "Bearer " .. token }

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

function request()
  local i = math.random(0, customers - 1)
  -- "+86 139 0001 2345", URL-encoded ("+" must not become a space).
  local q = string.format("%%2B86%%20139%%20%04d%%20%04d", math.floor(i / 10000) % 10000, i % 10000)
  return wrk.format("GET", "/api/v1/lookup?q=" .. q, headers)
end
