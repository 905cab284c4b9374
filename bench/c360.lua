-- wrk script: GET /api/v1/customers/{random id}/360.
-- Environment: BENCH_TOKEN (bearer token), BENCH_MIN_ID and BENCH_MAX_ID (the customer ids).
local token = os.getenv("BENCH_TOKEN") or ""
local min_id = tonumber(os.getenv("BENCH_MIN_ID") or "1")
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "100000")
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
  local id = math.random(min_id, max_id)
  return wrk.format("GET", "/api/v1/customers/" .. id .. "/360", headers)
end
