#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// Duplicates, merges, vCard, consents, data export, erasure.
std::string_view Privacy() {
  return R"openapi({
  "tags": [
    {
      "name": "Duplicates",
      "description": "Duplicate candidates, merge and undo."
    },
    {
      "name": "vCard",
      "description": "vCard import and export."
    },
    {
      "name": "Privacy",
      "description": "Consents, data-subject export, erasure."
    }
  ],
  "paths": {
    "/api/v1/duplicates": {
      "get": {
        "operationId": "listDuplicates",
        "summary": "Likely duplicate pairs, highest score first",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "200": {
            "description": "A page of pairs",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DuplicatePage"
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
        },
        "description": "The pairs stored by the last scan (a scan runs first when none has). Scoring: docs/ORGANISE.md.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/CustomerIdFilter"
          }
        ]
      }
    },
    "/api/v1/duplicates/scan": {
      "post": {
        "operationId": "scanDuplicates",
        "summary": "Recompute the duplicate pairs",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "200": {
            "description": "Scan counts",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DuplicateScan"
                }
              }
            }
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
    "/api/v1/duplicates/{id}/dismiss": {
      "post": {
        "operationId": "dismissDuplicate",
        "summary": "Dismiss a pair (never proposed again)",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "200": {
            "description": "Dismissed",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/DuplicatePairId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/merge": {
      "post": {
        "operationId": "mergeCustomers",
        "summary": "Merge customers into this survivor",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "201": {
            "description": "The merge",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Merge"
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
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MergeRequest"
              }
            }
          }
        }
      }
    },
    "/api/v1/merges/{id}": {
      "get": {
        "operationId": "getMerge",
        "summary": "A merge",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "200": {
            "description": "The merge",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Merge"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/MergeId"
          }
        ]
      }
    },
    "/api/v1/merges/{id}/undo": {
      "post": {
        "operationId": "undoMerge",
        "summary": "Undo a merge (admin)",
        "tags": [
          "Duplicates"
        ],
        "responses": {
          "200": {
            "description": "Restored",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MergeUndo"
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
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/MergeId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/contacts.vcf": {
      "get": {
        "operationId": "exportCustomerVcard",
        "summary": "The customer and its contacts as vCard 4.0",
        "tags": [
          "vCard"
        ],
        "responses": {
          "200": {
            "description": "vCard 4.0 file",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "text/vcard": {
                "schema": {
                  "type": "string"
                },
                "example": "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Li Wei\r\nEND:VCARD\r\n"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      }
    },
    "/api/v1/vcard/import": {
      "post": {
        "operationId": "importVcard",
        "summary": "Import a vCard 2.1/3.0/4.0 file",
        "tags": [
          "vCard"
        ],
        "responses": {
          "200": {
            "description": "What each card became",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VcardImportReport"
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
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/VcardImportRequest"
              }
            }
          }
        }
      }
    },
    "/api/v1/customers/{id}/consents": {
      "get": {
        "operationId": "listConsents",
        "summary": "Consents of a customer: current state and history",
        "tags": [
          "Privacy"
        ],
        "responses": {
          "200": {
            "description": "Consents",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Consents"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      },
      "post": {
        "operationId": "recordConsent",
        "summary": "Record a consent grant or withdrawal",
        "tags": [
          "Privacy"
        ],
        "responses": {
          "201": {
            "description": "The consent record",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Consent"
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
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ConsentInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/customers/{id}/data-export": {
      "get": {
        "operationId": "exportCustomerData",
        "summary": "Everything held about a customer (data-subject export)",
        "tags": [
          "Privacy"
        ],
        "responses": {
          "200": {
            "description": "One JSON document",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DataExport"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/erase": {
      "post": {
        "operationId": "eraseCustomer",
        "summary": "Anonymise a customer (admin)",
        "tags": [
          "Privacy"
        ],
        "responses": {
          "200": {
            "description": "The erasure",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Erasure"
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
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ErasureRequest"
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "DuplicatePair": {
        "type": "object",
        "description": "Two customers that are likely the same party.",
        "required": [
          "id",
          "score",
          "reasons",
          "customers"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "score": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "tax_id",
                "email",
                "phone",
                "name",
                "city",
                "address"
              ]
            }
          },
          "customers": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "integer",
                  "format": "int64"
                },
                "kind": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "status": {
                  "type": "string"
                },
                "city": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "tax_id": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "emails": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "phones": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "scanned_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "DuplicatePage": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DuplicatePair"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          },
          "scanned_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "DuplicateScan": {
        "type": "object",
        "required": [
          "pairs"
        ],
        "properties": {
          "candidates": {
            "type": "integer",
            "format": "int64"
          },
          "name_comparisons": {
            "type": "integer",
            "format": "int64"
          },
          "pairs": {
            "type": "integer",
            "format": "int64"
          },
          "scanned_at": {
            "type": "string",
            "format": "date-time"
          },
          "elapsed_ms": {
            "type": "integer",
            "format": "int64"
          }
        }
      },
      "MergeRequest": {
        "type": "object",
        "required": [
          "merge_ids"
        ],
        "properties": {
          "merge_ids": {
            "type": "array",
            "items": {
              "type": "integer",
              "format": "int64"
            }
          }
        }
      },
      "Merge": {
        "type": "object",
        "required": [
          "id",
          "survivor_id",
          "merged_ids"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "survivor_id": {
            "type": "integer",
            "format": "int64"
          },
          "merged_ids": {
            "type": "array",
            "items": {
              "type": "integer",
              "format": "int64"
            }
          },
          "moved": {
            "type": "object",
            "additionalProperties": {
              "type": "integer"
            },
            "description": "Rows moved per table."
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "survivor": {
            "type": "object"
          },
          "actor": {
            "type": "string"
          },
          "undone_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "undone_by": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "MergeUndo": {
        "type": "object",
        "required": [
          "id",
          "restored_ids"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "survivor_id": {
            "type": "integer",
            "format": "int64"
          },
          "restored_ids": {
            "type": "array",
            "items": {
              "type": "integer",
              "format": "int64"
            }
          },
          "undone_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "VcardImportRequest": {
        "type": "object",
        "required": [
          "content"
        ],
        "properties": {
          "content": {
            "type": "string",
            "description": "The .vcf file as text."
          }
        }
      },
      "VcardImportReport": {
        "type": "object",
        "required": [
          "created",
          "updated",
          "rejected",
          "cards"
        ],
        "properties": {
          "created": {
            "type": "integer"
          },
          "updated": {
            "type": "integer"
          },
          "rejected": {
            "type": "integer"
          },
          "cards": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "card",
                "line",
                "action"
              ],
              "properties": {
                "card": {
                  "type": "integer"
                },
                "line": {
                  "type": "integer"
                },
                "action": {
                  "type": "string",
                  "enum": [
                    "created",
                    "updated",
                    "rejected"
                  ]
                },
                "entity": {
                  "type": "string"
                },
                "id": {
                  "type": "integer",
                  "format": "int64"
                },
                "customer_id": {
                  "type": "integer",
                  "format": "int64"
                },
                "name": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                },
                "warnings": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      },
      "ConsentInput": {
        "type": "object",
        "required": [
          "channel",
          "purpose",
          "status"
        ],
        "properties": {
          "channel": {
            "type": "string",
            "enum": [
              "email",
              "phone",
              "sms",
              "post",
              "wechat",
              "whatsapp",
              "push",
              "fax"
            ]
          },
          "purpose": {
            "type": "string",
            "enum": [
              "marketing",
              "service",
              "analytics",
              "profiling",
              "third_party",
              "newsletter"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "granted",
              "withdrawn"
            ]
          },
          "source": {
            "type": "string",
            "maxLength": 200
          },
          "contact_id": {
            "type": "integer",
            "format": "int64"
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Consent": {
        "type": "object",
        "required": [
          "id",
          "channel",
          "purpose",
          "status",
          "occurred_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "customer_id": {
            "type": "integer",
            "format": "int64"
          },
          "contact_id": {
            "type": [
              "integer",
              "null"
            ]
          },
          "channel": {
            "type": "string"
          },
          "purpose": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "source": {
            "type": [
              "string",
              "null"
            ]
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time"
          },
          "recorded_by": {
            "type": "string"
          }
        }
      },
      "Consents": {
        "type": "object",
        "required": [
          "current",
          "history"
        ],
        "properties": {
          "customer_id": {
            "type": "integer",
            "format": "int64"
          },
          "current": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Consent"
            }
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Consent"
            }
          }
        }
      },
      "DataExport": {
        "type": "object",
        "required": [
          "customer",
          "records"
        ],
        "properties": {
          "format": {
            "type": "string"
          },
          "generated_at": {
            "type": "string",
            "format": "date-time"
          },
          "customer": {
            "type": "object"
          },
          "records": {
            "type": "object",
            "additionalProperties": {
              "type": "array",
              "items": {
                "type": "object"
              }
            },
            "description": "Rows of every table that references the customer, by table."
          }
        }
      },
      "ErasureRequest": {
        "type": "object",
        "required": [
          "reason"
        ],
        "properties": {
          "reason": {
            "type": "string",
            "maxLength": 500
          }
        }
      },
      "Erasure": {
        "type": "object",
        "required": [
          "id",
          "customer_id"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "customer_id": {
            "type": "integer",
            "format": "int64"
          },
          "erased_customer_ids": {
            "type": "array",
            "items": {
              "type": "integer",
              "format": "int64"
            }
          },
          "reason": {
            "type": "string"
          },
          "erased_at": {
            "type": "string",
            "format": "date-time"
          },
          "kept": {
            "type": "object",
            "properties": {
              "purchases": {
                "type": "integer"
              },
              "revenue_minor": {
                "type": "integer"
              }
            }
          }
        }
      }
    },
    "parameters": {
      "MergeId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Merge id.",
        "schema": {
          "type": "string"
        }
      },
      "DuplicatePairId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Duplicate pair id.",
        "schema": {
          "type": "string"
        }
      }
    }
  }
})openapi";
}

}  // namespace chaincrm::api::openapi
