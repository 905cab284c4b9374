#include "store/postgres/pg_database.h"

namespace chaincrm::store {

Result<std::unique_ptr<Database>> OpenPostgres(std::string_view, const DatabaseOptions&) {
  return Fail(Error::Unavailable("the PostgreSQL backend is being written"));
}

}  // namespace chaincrm::store
