#pragma once
// The OpenAPI 3.1 description of the HTTP API, served at GET /api/openapi.json.

#include <string_view>

namespace chaincrm::api {

/// The OpenAPI 3.1 document (JSON text) for every route of the server: schemas, the
/// bearerAuth security scheme, problem+json error responses. Assembled once from the
/// foundation document and the fragments in api/openapi/ (each capability's own file);
/// tests/integration/test_openapi.py lints it with @redocly/cli.
std::string_view OpenApiDocument();

}  // namespace chaincrm::api
