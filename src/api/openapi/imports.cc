#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// /api/v1/imports (CSV import jobs) and the streamed customer export.
std::string_view Imports() {
  return R"openapi({
  "tags": [
    {
      "name": "Imports",
      "description": "CSV imports with a column mapping, dry run and per-line report"
    }
  ],
  "paths": {
    "/api/v1/imports": {
      "post": {
        "operationId": "createImportJob",
        "summary": "Create a CSV import job",
        "tags": [
          "Imports"
        ],
        "description": "Creates a job with its mapping and options (status `uploading`). Upload the file with `POST /api/v1/imports/{id}/chunks`, then start it with `POST /api/v1/imports/{id}/run`. See docs/IMPORT.md for the mapping format.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ImportJobRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The job, waiting for its data",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "description": "The job's URL",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        }
      }
    },
    "/api/v1/imports/{id}": {
      "get": {
        "operationId": "getImportJob",
        "summary": "An import job and its progress",
        "tags": [
          "Imports"
        ],
        "description": "Lines read, created, updated, skipped and rejected so far (live while the job runs), and the final status.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Import job id",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The job",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportJob"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/v1/imports/{id}/chunks": {
      "post": {
        "operationId": "uploadImportChunk",
        "summary": "Upload the next piece of the file",
        "tags": [
          "Imports"
        ],
        "description": "Chunks are numbered from 0 and read back in that order; each request stays under the 1 MiB body limit. Re-sending a stored chunk is accepted without change, so uploads can be retried.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Import job id",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ImportChunk"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job with its new byte count",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportJob"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        }
      }
    },
    "/api/v1/imports/{id}/run": {
      "post": {
        "operationId": "runImportJob",
        "summary": "Start an uploaded import in the background",
        "tags": [
          "Imports"
        ],
        "description": "Returns at once (status `queued`); poll `GET /api/v1/imports/{id}` until `status` is `succeeded` or `failed`.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Import job id",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "202": {
            "description": "The queued job",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportJob"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          }
        }
      }
    },
    "/api/v1/imports/{id}/report": {
      "get": {
        "operationId": "getImportReport",
        "summary": "The lines an import rejected or skipped",
        "tags": [
          "Imports"
        ],
        "description": "Every problem with its line number (where the record starts in the file), the field, and why. Unknown columns appear as warnings of line 1.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Import job id",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of problems in file order",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportProblemList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/api/v1/customers/export": {
      "get": {
        "operationId": "exportCustomers",
        "summary": "Export the customer list (streamed)",
        "tags": [
          "Customers"
        ],
        "description": "Every customer the list query matches (q, filter[...], sort as on `GET /api/v1/customers`; limit and cursor are ignored), streamed with chunked transfer encoding. CSV columns are named like import fields, so the file re-imports with an identity mapping.",
        "parameters": [
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "csv (default) or json",
            "schema": {
              "type": "string",
              "enum": [
                "csv",
                "json"
              ],
              "default": "csv"
            }
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Filter"
          },
          {
            "$ref": "#/components/parameters/Sort"
          }
        ],
        "responses": {
          "200": {
            "description": "The export",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Content-Disposition": {
                "description": "attachment; filename",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Customer"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/api/v1/interactions/export": {
      "get": {
        "operationId": "exportInteractions",
        "summary": "Export the interactions list (streamed)",
        "tags": [
          "Imports"
        ],
        "description": "Every row of `GET /api/v1/interactions` with its filter[customer_id], all pages, streamed with chunked transfer encoding. CSV columns are the row object's keys (nested values as JSON text).",
        "parameters": [
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "csv (default) or json",
            "schema": {
              "type": "string",
              "enum": [
                "csv",
                "json"
              ],
              "default": "csv"
            }
          },
          {
            "$ref": "#/components/parameters/CustomerIdFilter"
          }
        ],
        "responses": {
          "200": {
            "description": "The export",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Content-Disposition": {
                "description": "attachment; filename",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "type": "object"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    },
    "/api/v1/purchases/export": {
      "get": {
        "operationId": "exportPurchases",
        "summary": "Export the purchases list (streamed)",
        "tags": [
          "Imports"
        ],
        "description": "Every row of `GET /api/v1/purchases` with its filter[customer_id], all pages, streamed with chunked transfer encoding. CSV columns are the row object's keys (nested values as JSON text).",
        "parameters": [
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "csv (default) or json",
            "schema": {
              "type": "string",
              "enum": [
                "csv",
                "json"
              ],
              "default": "csv"
            }
          },
          {
            "$ref": "#/components/parameters/CustomerIdFilter"
          }
        ],
        "responses": {
          "200": {
            "description": "The export",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Content-Disposition": {
                "description": "attachment; filename",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "type": "object"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "ImportMapping": {
        "type": "object",
        "description": "Source column \u2192 field, with optional transforms, and constant fields (docs/IMPORT.md).",
        "required": [
          "columns"
        ],
        "properties": {
          "columns": {
            "type": "object",
            "additionalProperties": {
              "oneOf": [
                {
                  "type": "string"
                },
                {
                  "type": "object",
                  "required": [
                    "field"
                  ],
                  "properties": {
                    "field": {
                      "type": "string"
                    },
                    "transform": {
                      "oneOf": [
                        {
                          "type": "string"
                        },
                        {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        }
                      ]
                    }
                  }
                }
              ]
            }
          },
          "constants": {
            "type": "object",
            "additionalProperties": true
          }
        },
        "example": {
          "columns": {
            "E-mail": "email",
            "Full name": {
              "field": "name",
              "transform": [
                "trim"
              ]
            },
            "Born": {
              "field": "birth_date",
              "transform": "date:%d/%m/%Y"
            }
          },
          "constants": {
            "kind": "person"
          }
        }
      },
      "ImportJobRequest": {
        "type": "object",
        "required": [
          "target",
          "mapping"
        ],
        "properties": {
          "target": {
            "type": "string",
            "enum": [
              "customers",
              "contacts",
              "purchases",
              "products",
              "orders"
            ]
          },
          "mapping": {
            "$ref": "#/components/schemas/ImportMapping"
          },
          "key": {
            "type": "string",
            "default": "email",
            "description": "customers, contacts, purchases: email, phone, tax_id or external_id:SYSTEM (contacts: email or phone; purchases: finds the customer); products: sku or external_id; orders: external_id (docs/IMPORT.md)"
          },
          "delimiter": {
            "type": "string",
            "enum": [
              ",",
              ";",
              "|",
              "\t"
            ],
            "default": ","
          },
          "dry_run": {
            "type": "boolean",
            "default": false
          },
          "all_or_nothing": {
            "type": "boolean",
            "default": false
          },
          "on_existing": {
            "type": "string",
            "enum": [
              "update",
              "skip"
            ],
            "default": "update"
          }
        }
      },
      "ImportChunk": {
        "type": "object",
        "required": [
          "seq",
          "data"
        ],
        "properties": {
          "seq": {
            "type": "integer",
            "format": "int64",
            "minimum": 0
          },
          "data": {
            "type": "string",
            "description": "The next piece of the UTF-8 file"
          }
        }
      },
      "ImportJob": {
        "type": "object",
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "target": {
            "type": "string",
            "enum": [
              "customers",
              "contacts",
              "purchases",
              "products",
              "orders"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "uploading",
              "queued",
              "running",
              "succeeded",
              "failed"
            ]
          },
          "key": {
            "type": "string",
            "example": "email"
          },
          "mapping": {
            "$ref": "#/components/schemas/ImportMapping"
          },
          "delimiter": {
            "type": "string"
          },
          "dry_run": {
            "type": "boolean"
          },
          "all_or_nothing": {
            "type": "boolean"
          },
          "on_existing": {
            "type": "string",
            "enum": [
              "update",
              "skip"
            ]
          },
          "committed": {
            "type": "boolean",
            "description": "True when the lines were written (false for a dry run, or an all-or-nothing run with a rejected line)"
          },
          "bytes_total": {
            "type": "integer",
            "format": "int64"
          },
          "bytes_read": {
            "type": "integer",
            "format": "int64"
          },
          "unknown_columns": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "error": {
            "type": [
              "string",
              "null"
            ]
          },
          "actor": {
            "type": "string"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "started_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "finished_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "lines_read": {
            "type": "integer",
            "format": "int64",
            "description": "Records read (the header excluded)"
          },
          "created": {
            "type": "integer",
            "format": "int64",
            "description": "Records created (would be, in a dry run)"
          },
          "updated": {
            "type": "integer",
            "format": "int64",
            "description": "Records updated"
          },
          "skipped": {
            "type": "integer",
            "format": "int64",
            "description": "Records left as they were (unchanged, or on_existing=skip)"
          },
          "rejected": {
            "type": "integer",
            "format": "int64",
            "description": "Lines rejected"
          }
        }
      },
      "ImportProblem": {
        "type": "object",
        "properties": {
          "line": {
            "type": "integer",
            "format": "int64"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "rejected",
              "skipped",
              "warning"
            ]
          },
          "field": {
            "type": [
              "string",
              "null"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ImportProblemList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ImportProblem"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    }
  }
})openapi";
}

}  // namespace chaincrm::api::openapi
