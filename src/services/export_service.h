#pragma once
// Streamed exports of list views: the same query (q, filter[...], sort) as the list
// endpoint, read page by page (500 rows per read transaction) and written to a sink, so
// memory stays bounded however many rows match. CSV headers use the import field names
// (import_customers.cc), so an export re-imports with an identity mapping.

#include <boost/json.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/actor.h"
#include "services/customer_query.h"

namespace chaincrm::services {

enum class ExportFormat { kCsv, kJson };

/// Receives output in pieces; returns false to stop (the client went away).
using ExportSink = std::function<bool(std::string_view)>;

/// "csv" | "json", or InvalidArgument naming the `format` parameter.
Result<ExportFormat> ParseExportFormat(std::string_view s);

/// Checks permission and compiles the query up front (so errors surface before any byte
/// is written). PermissionDenied, or InvalidArgument naming the filter or sort field.
Status CheckCustomerExport(const Env& env, const Actor& actor, const ListQuery& q);

/// Writes every customer matching `q` (limit and cursor ignored) to `sink` as CSV (a
/// header, one row per customer) or as a JSON array of the list's row objects.
Status ExportCustomers(const Env& env, const Actor& actor, ListQuery q, ExportFormat format,
                       const ExportSink& sink);

/// One page of a keyset-paginated list: {data: [...], next_cursor}.
using PageFn = std::function<Result<boost::json::object>(const std::string& cursor)>;

/// Streams every row of a paged list (interactions, purchases): `first` is the page for
/// the empty cursor, fetched by the caller so that its errors come before any byte.
/// CSV columns are the first row's keys (objects and arrays as JSON text); JSON is an
/// array of the rows. An error while paging stops the stream and is returned.
Status ExportPages(boost::json::object first, const PageFn& page, ExportFormat format,
                   const ExportSink& sink);

}  // namespace chaincrm::services
