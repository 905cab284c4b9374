#include "api/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "core/log.h"

namespace chaincrm::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session;

// Shared state: live sessions (to close idle ones at shutdown) and the shutdown flag.
struct ServerState {
  ServerState(const ServerOptions& o, const Handler& h) : options(o), handler(h) {}
  const ServerOptions& options;
  const Handler& handler;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::set<Session*> sessions;
  std::atomic<int> live{0};
};

std::string TransportProblem(int status, const char* title, const char* detail) {
  return std::string("{\"type\":\"about:blank\",\"title\":\"") + title +
         "\",\"status\":" + std::to_string(status) + ",\"detail\":\"" + detail + "\"}";
}

// Requests rejected before they reach the router still get an id for the logs.
std::string TransportRequestId() {
  static std::atomic<std::uint64_t> counter{0};
  static const std::uint64_t base = std::random_device{}();
  return "t" + std::to_string(base) + "-" + std::to_string(++counter);
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ServerState& state) : stream_(std::move(socket)), state_(state) {
    ++state_.live;
  }
  ~Session() {
    {
      std::lock_guard lock(state_.mu);
      state_.sessions.erase(this);
    }
    --state_.live;
  }

  void Start() {
    {
      std::lock_guard lock(state_.mu);
      state_.sessions.insert(this);
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  /// Called at shutdown: closes the connection if it is waiting for a request.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  // Reads the header first: once it is in, the request counts as in flight and is
  // finished at shutdown even if its body is still arriving.
  void Read() {
    parser_.emplace();
    parser_->body_limit(state_.options.body_limit);
    parser_->header_limit(64 * 1024);
    busy_ = buffer_.size() > 0;
    stream_.expires_after(std::chrono::seconds(state_.options.read_timeout_seconds));
    http::async_read_header(
        stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
          self->busy_ = true;
          if (ec) return self->OnRead(ec);
          if (self->parser_->is_done()) return self->OnRead(ec);
          http::async_read(self->stream_, self->buffer_, *self->parser_,
                           [self](beast::error_code ec2, std::size_t) { self->OnRead(ec2); });
        });
  }

  void OnRead(beast::error_code ec) {
    busy_ = true;
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      return WriteError(413, "Payload Too Large", "the request body is larger than the limit");
    }
    if (ec) return WriteError(400, "Bad Request", "the HTTP request is malformed");
    const auto& msg = parser_->get();
    HttpRequest req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& f : msg) {
      std::string name(f.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      req.headers[name] = std::string(f.value());
    }
    req.body = msg.body();
    beast::error_code rec;
    auto ep = stream_.socket().remote_endpoint(rec);
    if (!rec) req.remote = ep.address().to_string();
    keep_alive_ = msg.keep_alive() && !state_.stopping;
    const unsigned version = msg.version();
    HttpResponse res;
    if (!ParseTarget(req)) {
      res.status = 400;
      res.content_type = "application/problem+json";
      res.body = TransportProblem(400, "Bad Request", "the request target is not a valid URL");
      res.SetHeader("X-Request-Id", TransportRequestId());
    } else {
      res = state_.handler(req);
    }
    keep_alive_ = keep_alive_ && !state_.stopping;
    Write(std::move(res), version, req.method == "HEAD");
  }

  void WriteError(int status, const char* title, const char* detail) {
    keep_alive_ = false;
    HttpResponse res;
    res.status = status;
    res.content_type = "application/problem+json";
    res.body = TransportProblem(status, title, detail);
    res.SetHeader("X-Request-Id", TransportRequestId());
    Write(std::move(res), 11, false);
  }

  // A streamed body: the header, then each piece as one chunk, written synchronously
  // on this session's strand (handlers already block it while they run).
  void WriteStreamed(HttpResponse res, unsigned version, bool head) {
    http::response<http::empty_body> msg(static_cast<http::status>(res.status), version);
    msg.set(http::field::server, "ChainCRM");
    msg.set(http::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) msg.insert(k, v);
    msg.keep_alive(keep_alive_);
    msg.chunked(true);
    beast::error_code ec;
    http::response_serializer<http::empty_body> sr(msg);
    http::write_header(stream_.socket(), sr, ec);
    bool complete = !ec;
    if (complete && !head) {
      const bool produced = res.stream([&](std::string_view piece) {
        if (ec) return false;
        if (!piece.empty())
          asio::write(stream_.socket(), http::make_chunk(asio::buffer(piece.data(), piece.size())),
                      ec);
        return !ec;
      });
      if (!ec && produced) asio::write(stream_.socket(), http::make_chunk_last(), ec);
      complete = !ec && produced;
    }
    if (!complete || !keep_alive_) return Close();
    Read();
  }

  void Write(HttpResponse res, unsigned version, bool head) {
    if (res.stream) return WriteStreamed(std::move(res), version, head);
    auto msg = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(res.status), version);
    msg->set(http::field::server, "ChainCRM");
    msg->set(http::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) msg->insert(k, v);
    msg->keep_alive(keep_alive_);
    if (head) {
      msg->content_length(res.body.size());
    } else {
      msg->body() = std::move(res.body);
      msg->prepare_payload();
    }
    stream_.expires_after(std::chrono::seconds(60));
    http::async_write(stream_, *msg,
                      [self = shared_from_this(), msg](beast::error_code ec, std::size_t) {
                        if (ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  ServerState& state_;
  bool keep_alive_ = true;
  std::atomic<bool> busy_{false};
};

void Accept(tcp::acceptor& acceptor, asio::io_context& ioc, ServerState& state) {
  acceptor.async_accept(asio::make_strand(ioc), [&](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || state.stopping) return;
    if (!ec) {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), state)->Start();
    }
    Accept(acceptor, ioc, state);
  });
}

}  // namespace

Status Serve(const ServerOptions& options, const Handler& handler,
             const std::function<void(std::uint16_t)>& on_listening) {
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  asio::io_context ioc(threads);
  ServerState state(options, handler);
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.bind, ec);
  if (ec) return Fail(Error::InvalidArgument("--bind '" + options.bind + "' is not an IP address"));
  tcp::acceptor acceptor(ioc);
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error::Unavailable("cannot listen on " + options.bind + ":" +
                                   std::to_string(options.port) + ": " + ec.message()));
  }
  if (on_listening) on_listening(acceptor.local_endpoint().port());
  Accept(acceptor, ioc, state);

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  asio::steady_timer drain(ioc);
  const auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> wait_drained = [&] {
    if (state.live == 0 || std::chrono::steady_clock::now() > *deadline) {
      ioc.stop();
      return;
    }
    {
      std::lock_guard lock(state.mu);
      for (Session* s : state.sessions) s->CloseIfIdle();
    }
    drain.expires_after(std::chrono::milliseconds(50));
    drain.async_wait([&](beast::error_code) { wait_drained(); });
  };
  signals.async_wait([&](beast::error_code, int sig) {
    log::Info("event=shutdown signal=" + std::to_string(sig) +
              " in_flight_connections=" + std::to_string(state.live.load()));
    state.stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    *deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(options.shutdown_grace_seconds);
    wait_drained();
  });

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return Ok();
}

}  // namespace chaincrm::api
