#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/problem.h"

namespace chaincrm::api {

namespace fs = std::filesystem;

namespace {

std::string ContentType(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool ReadFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

HttpResponse ServeStatic(const std::string& root, const std::string& path,
                         const std::string& request_id) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root, ec);
  if (ec || !fs::exists(base / "index.html")) {
    return Problem(404, "", "the web app is not built (run `make build`); the API is at /api/v1",
                   request_id);
  }
  fs::path rel = fs::path(path).relative_path();
  fs::path file = fs::weakly_canonical(base / rel, ec);
  const bool inside = !ec && file.string().rfind(base.string(), 0) == 0;
  HttpResponse r;
  if (inside && fs::is_regular_file(file, ec) && ReadFile(file, r.body)) {
    r.content_type = ContentType(file);
    // Vite puts content hashes in asset names: they may be cached for long.
    r.SetHeader("Cache-Control", rel.string().rfind("assets/", 0) == 0
                                     ? "public, max-age=31536000, immutable"
                                     : "no-cache");
    return r;
  }
  if (!rel.extension().empty()) return Problem(404, "", "no such file", request_id);
  ReadFile(base / "index.html", r.body);
  r.content_type = "text/html; charset=utf-8";
  r.SetHeader("Cache-Control", "no-cache");
  return r;
}

}  // namespace chaincrm::api
