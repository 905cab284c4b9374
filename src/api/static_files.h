#pragma once
// Serves the built web app (web/dist) with a single-page-app fallback to index.html.

#include <string>

#include "api/http_types.h"

namespace chaincrm::api {

/// The file under `root` for `path`, or index.html for unknown paths without an
/// extension (client-side routes). Never leaves `root`.
HttpResponse ServeStatic(const std::string& root, const std::string& path,
                         const std::string& request_id);

}  // namespace chaincrm::api
