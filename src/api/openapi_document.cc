#include "api/openapi_document.h"

#include <boost/json.hpp>
#include <string>

#include "api/openapi/openapi_parts.h"

// Keep this document true to the routes: tests/integration/test_openapi.py fetches it
// from the server, checks the routes it lists and lints it with `redocly lint`
// (tests/integration/.redocly.yaml); docs/API.md explains the conventions it encodes.

namespace chaincrm::api {

namespace {

constexpr std::string_view kDocument = R"openapi({
  "openapi": "3.1.0",
  "info": {
    "title": "ChainCRM API",
    "version": "1.0.0",
    "description": "JSON API of ChainCRM. Conventions, authentication, errors and examples: docs/API.md.",
    "license": {
      "name": "Apache 2.0",
      "identifier": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/",
      "description": "The server that served this document"
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "Auth",
      "description": "Sessions, the calling user and API tokens."
    },
    {
      "name": "Users",
      "description": "Staff and portal users (admin only)."
    },
    {
      "name": "Customers",
      "description": "Customers: the core records, their history, 360 view and lookup."
    },
    {
      "name": "Contacts",
      "description": "People at a customer."
    },
    {
      "name": "Interactions",
      "description": "Calls, emails, visits, complaints and other contacts."
    },
    {
      "name": "Purchases",
      "description": "The sales ledger."
    },
    {
      "name": "Custom fields",
      "description": "Fields an admin defines at run time."
    },
    {
      "name": "Audit",
      "description": "The change log of every mutation."
    },
    {
      "name": "Operations",
      "description": "Health, metrics and this document."
    },
    {
      "name": "Analytics",
      "description": "Customer value analysis: runs, per-customer scores and the value summary (docs/ANALYTICS.md)."
    }
  ],
  "paths": {
    "/api/v1/sessions": {
      "post": {
        "operationId": "createSession",
        "summary": "Log in",
        "tags": [
          "Auth"
        ],
        "responses": {
          "201": {
            "description": "Logged in",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
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
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          }
        },
        "description": "Exchanges email and password for a bearer token. Repeated failures for one email answer 429 with Retry-After.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SessionRequest"
              }
            }
          }
        },
        "security": []
      }
    },
    "/api/v1/sessions/current": {
      "delete": {
        "operationId": "deleteCurrentSession",
        "summary": "Log out",
        "tags": [
          "Auth"
        ],
        "responses": {
          "204": {
            "description": "Logged out; the token no longer works",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "operationId": "getMe",
        "summary": "The calling user",
        "tags": [
          "Auth"
        ],
        "responses": {
          "200": {
            "description": "The user",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/tokens": {
      "post": {
        "operationId": "createApiToken",
        "summary": "Create a long-lived API token",
        "tags": [
          "Auth"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiToken"
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
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApiTokenRequest"
              }
            }
          }
        }
      }
    },
    "/api/v1/users": {
      "get": {
        "operationId": "listUsers",
        "summary": "List users",
        "tags": [
          "Users"
        ],
        "responses": {
          "200": {
            "description": "Users",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UserList"
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
      },
      "post": {
        "operationId": "createUser",
        "summary": "Create a user",
        "tags": [
          "Users"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
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
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UserInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/customers": {
      "get": {
        "operationId": "listCustomers",
        "summary": "List customers",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "A page of customers",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomerList"
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
        "parameters": [
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Filter"
          },
          {
            "$ref": "#/components/parameters/Sort"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Total"
          }
        ]
      },
      "post": {
        "operationId": "createCustomer",
        "summary": "Create a customer",
        "tags": [
          "Customers"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Customer"
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
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          },
          {
            "name": "X-Allow-Duplicate",
            "in": "header",
            "required": false,
            "description": "true creates the customer even when it looks like an existing one; otherwise a likely duplicate is a 409 whose problem lists `candidates` (id, name, kind, score, reasons).",
            "schema": {
              "type": "string",
              "enum": ["true", "false"]
            }
          },
          {
            "name": "allow_duplicate",
            "in": "query",
            "required": false,
            "description": "Same as the X-Allow-Duplicate header.",
            "schema": {
              "type": "string",
              "enum": ["true", "false"]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomerCreate"
              }
            }
          }
        }
      }
    },
    "/api/v1/customers/{id}": {
      "get": {
        "operationId": "getCustomer",
        "summary": "Get a customer",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "The customer",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Customer"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      },
      "patch": {
        "operationId": "updateCustomer",
        "summary": "Update a customer (JSON merge patch)",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "Updated",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Customer"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "428": {
            "$ref": "#/components/responses/PreconditionRequired"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomerPatch"
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "archiveCustomer",
        "summary": "Archive a customer",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "Archived",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Customer"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/restore": {
      "post": {
        "operationId": "restoreCustomer",
        "summary": "Restore an archived customer",
        "tags": [
          "Customers"
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
                  "$ref": "#/components/schemas/Customer"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/360": {
      "get": {
        "operationId": "getCustomer360",
        "summary": "Customer 360 view",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "Profile, contacts, latest activity and aggregates",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Customer360"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/history": {
      "get": {
        "operationId": "getCustomerHistory",
        "summary": "A customer's change history",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "Changes, newest first",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChangeList"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ]
      }
    },
    "/api/v1/customers/{id}/contacts": {
      "get": {
        "operationId": "listCustomerContacts",
        "summary": "List a customer's contacts",
        "tags": [
          "Contacts"
        ],
        "responses": {
          "200": {
            "description": "Contacts",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ContactList"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerId"
          }
        ]
      },
      "post": {
        "operationId": "createContact",
        "summary": "Add a contact",
        "tags": [
          "Contacts"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Contact"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
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
                "$ref": "#/components/schemas/ContactInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/contacts/{id}": {
      "get": {
        "operationId": "getContact",
        "summary": "Get a contact",
        "tags": [
          "Contacts"
        ],
        "responses": {
          "200": {
            "description": "The contact",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Contact"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/ContactId"
          }
        ]
      },
      "patch": {
        "operationId": "updateContact",
        "summary": "Update a contact (JSON merge patch)",
        "tags": [
          "Contacts"
        ],
        "responses": {
          "200": {
            "description": "Updated",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Contact"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "428": {
            "$ref": "#/components/responses/PreconditionRequired"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/ContactId"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactInput"
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "deleteContact",
        "summary": "Delete a contact",
        "tags": [
          "Contacts"
        ],
        "responses": {
          "200": {
            "description": "Deleted",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Contact"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/ContactId"
          }
        ]
      }
    },
    "/api/v1/interactions": {
      "get": {
        "operationId": "listInteractions",
        "summary": "List interactions",
        "tags": [
          "Interactions"
        ],
        "responses": {
          "200": {
            "description": "Interactions, newest first",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/InteractionList"
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
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerIdFilter"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ]
      },
      "post": {
        "operationId": "createInteraction",
        "summary": "Record an interaction",
        "tags": [
          "Interactions"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Interaction"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/InteractionInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/purchases": {
      "get": {
        "operationId": "listPurchases",
        "summary": "List purchases",
        "tags": [
          "Purchases"
        ],
        "responses": {
          "200": {
            "description": "Purchases, newest first",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PurchaseList"
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
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomerIdFilter"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ]
      },
      "post": {
        "operationId": "createPurchase",
        "summary": "Record a purchase",
        "tags": [
          "Purchases"
        ],
        "responses": {
          "201": {
            "description": "Created; the customer's stats are updated",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Purchase"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PurchaseInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/custom-fields": {
      "get": {
        "operationId": "listCustomFields",
        "summary": "List custom field definitions",
        "tags": [
          "Custom fields"
        ],
        "responses": {
          "200": {
            "description": "Definitions",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomFieldList"
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
      },
      "post": {
        "operationId": "createCustomField",
        "summary": "Define a custom field",
        "tags": [
          "Custom fields"
        ],
        "responses": {
          "201": {
            "description": "Created",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomField"
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
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomFieldInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/custom-fields/{id}": {
      "patch": {
        "operationId": "updateCustomField",
        "summary": "Change a custom field definition",
        "tags": [
          "Custom fields"
        ],
        "responses": {
          "200": {
            "description": "Updated",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomField"
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
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomFieldId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomFieldPatch"
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "deleteCustomField",
        "summary": "Delete a custom field definition",
        "tags": [
          "Custom fields"
        ],
        "responses": {
          "204": {
            "description": "Deleted",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
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
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/CustomFieldId"
          }
        ]
      }
    },
    "/api/v1/lookup": {
      "get": {
        "operationId": "lookupCustomers",
        "summary": "Find customers in one step",
        "tags": [
          "Customers"
        ],
        "responses": {
          "200": {
            "description": "Matches, best first",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LookupResult"
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
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "A phone number in any formatting, an email, an external id, a product serial, a tax id or a name (prefix, any part, accent- and case-insensitive).",
            "schema": {
              "type": "string"
            }
          }
        ]
      }
    },
    "/api/v1/audit": {
      "get": {
        "operationId": "listAudit",
        "summary": "The change log",
        "tags": [
          "Audit"
        ],
        "responses": {
          "200": {
            "description": "Changes, newest first",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChangeList"
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
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/EntityFilter"
          },
          {
            "$ref": "#/components/parameters/ActorFilter"
          }
        ]
      }
    },
    "/api/openapi.json": {
      "get": {
        "operationId": "getOpenApiDocument",
        "summary": "This OpenAPI document",
        "tags": [
          "Operations"
        ],
        "responses": {
          "200": {
            "description": "OpenAPI 3.1 document",
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
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "security": []
      }
    },
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "summary": "Liveness check",
        "tags": [
          "Operations"
        ],
        "responses": {
          "200": {
            "description": "Serving",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "security": []
      }
    },
    "/metrics": {
      "get": {
        "operationId": "getMetrics",
        "summary": "Prometheus metrics",
        "tags": [
          "Operations"
        ],
        "responses": {
          "200": {
            "description": "Prometheus text exposition format (chaincrm_http_requests_total, chaincrm_http_request_duration_seconds, ...)",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        },
        "security": []
      }
    },
    "/api/v1/analysis/runs": {
      "get": {
        "operationId": "listAnalysisRuns",
        "summary": "Analysis runs, newest first",
        "tags": [
          "Analytics"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "Runs, newest first (without results)",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AnalysisRunList"
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
      },
      "post": {
        "operationId": "startAnalysisRun",
        "summary": "Start a value analysis run in the background",
        "description": "Returns at once with the queued run; poll `GET /api/v1/analysis/runs/{id}` until `status` is `succeeded` or `failed`. Runs execute one at a time.",
        "tags": [
          "Analytics"
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AnalysisRunRequest"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted: the run is queued",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AnalysisRun"
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
    "/api/v1/analysis/runs/{id}": {
      "get": {
        "operationId": "getAnalysisRun",
        "summary": "One analysis run: status, progress, parameters, inputs and result",
        "tags": [
          "Analytics"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AnalysisRunId"
          }
        ],
        "responses": {
          "200": {
            "description": "The run",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AnalysisRun"
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
    "/api/v1/analysis/value/summary": {
      "get": {
        "operationId": "getValueSummary",
        "summary": "The customer value summary of the latest succeeded run",
        "tags": [
          "Analytics"
        ],
        "responses": {
          "200": {
            "description": "Fitted models, counts, charts, holdout report and top customers",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ValueSummary"
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
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "A session token from POST /api/v1/sessions or an API token from POST /api/v1/tokens."
      }
    },
    "schemas": {
      "Money": {
        "type": "object",
        "description": "An amount of money: a decimal string and an ISO 4217 currency code.",
        "required": [
          "amount",
          "currency"
        ],
        "properties": {
          "amount": {
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "examples": [
              "123.45"
            ]
          },
          "currency": {
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "examples": [
              "CNY"
            ]
          }
        }
      },
      "Email": {
        "type": "object",
        "required": [
          "address"
        ],
        "properties": {
          "address": {
            "type": "string",
            "format": "email"
          },
          "label": {
            "type": [
              "string",
              "null"
            ]
          },
          "primary": {
            "type": "boolean"
          }
        }
      },
      "Phone": {
        "type": "object",
        "required": [
          "number"
        ],
        "properties": {
          "number": {
            "type": "string",
            "description": "As entered."
          },
          "label": {
            "type": [
              "string",
              "null"
            ]
          },
          "normalized": {
            "type": "string",
            "description": "E.164 form used for lookup.",
            "readOnly": true
          }
        }
      },
      "PhoneInput": {
        "type": "object",
        "required": [
          "number"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "label": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Address": {
        "type": "object",
        "properties": {
          "label": {
            "type": [
              "string",
              "null"
            ]
          },
          "line1": {
            "type": [
              "string",
              "null"
            ]
          },
          "line2": {
            "type": [
              "string",
              "null"
            ]
          },
          "city": {
            "type": [
              "string",
              "null"
            ]
          },
          "region": {
            "type": [
              "string",
              "null"
            ]
          },
          "postal_code": {
            "type": [
              "string",
              "null"
            ]
          },
          "country": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ExternalId": {
        "type": "object",
        "required": [
          "system",
          "value"
        ],
        "properties": {
          "system": {
            "type": "string",
            "examples": [
              "erp"
            ]
          },
          "value": {
            "type": "string"
          }
        }
      },
      "Serial": {
        "type": "object",
        "required": [
          "serial"
        ],
        "properties": {
          "serial": {
            "type": "string"
          },
          "product": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "CustomerStats": {
        "type": "object",
        "description": "Purchase aggregates kept up to date as purchases arrive.",
        "properties": {
          "first_purchase_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "last_purchase_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "purchase_count": {
            "type": "integer",
            "minimum": 0
          },
          "revenue_total": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          },
          "cost_total": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "Customer": {
        "type": "object",
        "required": [
          "id",
          "kind",
          "name",
          "status",
          "version",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "kind": {
            "type": "string",
            "enum": [
              "person",
              "organization"
            ]
          },
          "name": {
            "type": "string",
            "minLength": 1
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "roles": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "end_customer",
                "business_buyer",
                "supplier",
                "distributor",
                "wholesaler",
                "retailer"
              ]
            }
          },
          "parent_id": {
            "description": "Parent organisation.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "owner_id": {
            "description": "The user who owns the record (sales scope).",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "sector": {
            "type": [
              "string",
              "null"
            ]
          },
          "employees": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "annual_revenue": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          },
          "tax_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "birth_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Sensitive: omitted for agents."
          },
          "gender": {
            "type": [
              "string",
              "null"
            ]
          },
          "income_band": {
            "type": [
              "string",
              "null"
            ],
            "description": "Sensitive: omitted for agents."
          },
          "measurements": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "number"
            },
            "description": "Body measurements by name. Sensitive: omitted for agents and analysts."
          },
          "emails": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Email"
            }
          },
          "phones": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Phone"
            }
          },
          "addresses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Address"
            }
          },
          "external_ids": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExternalId"
            }
          },
          "serials": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Serial"
            }
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "custom": {
            "type": "object",
            "additionalProperties": true,
            "description": "Values of the custom fields, by key."
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          },
          "stats": {
            "$ref": "#/components/schemas/CustomerStats"
          },
          "version": {
            "type": "integer",
            "description": "Row version; the ETag is its quoted value."
          },
          "created_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "archived_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "CustomerCreate": {
        "type": "object",
        "required": [
          "kind",
          "name"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "person",
              "organization"
            ]
          },
          "name": {
            "type": "string",
            "minLength": 1
          },
          "roles": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "end_customer",
                "business_buyer",
                "supplier",
                "distributor",
                "wholesaler",
                "retailer"
              ]
            }
          },
          "parent_id": {
            "description": "Parent organisation.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "owner_id": {
            "description": "The user who owns the record (sales scope).",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "sector": {
            "type": [
              "string",
              "null"
            ]
          },
          "employees": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "annual_revenue": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          },
          "tax_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "birth_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Sensitive: omitted for agents."
          },
          "gender": {
            "type": [
              "string",
              "null"
            ]
          },
          "income_band": {
            "type": [
              "string",
              "null"
            ],
            "description": "Sensitive: omitted for agents."
          },
          "measurements": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "number"
            },
            "description": "Body measurements by name. Sensitive: omitted for agents and analysts."
          },
          "emails": {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string",
                  "format": "email"
                },
                {
                  "$ref": "#/components/schemas/Email"
                }
              ]
            },
            "description": "Plain addresses or objects."
          },
          "phones": {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string"
                },
                {
                  "$ref": "#/components/schemas/PhoneInput"
                }
              ]
            },
            "description": "Plain numbers in any formatting, or objects."
          },
          "addresses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Address"
            }
          },
          "external_ids": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExternalId"
            }
          },
          "serials": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Serial"
            }
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "custom": {
            "type": "object",
            "additionalProperties": true,
            "description": "Values of the custom fields, by key."
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "CustomerPatch": {
        "type": "object",
        "additionalProperties": false,
        "description": "JSON merge patch (RFC 7396): null removes a value, arrays replace the whole list.",
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "person",
              "organization"
            ]
          },
          "name": {
            "type": "string",
            "minLength": 1
          },
          "roles": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "end_customer",
                "business_buyer",
                "supplier",
                "distributor",
                "wholesaler",
                "retailer"
              ]
            }
          },
          "parent_id": {
            "description": "Parent organisation.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "owner_id": {
            "description": "The user who owns the record (sales scope).",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "sector": {
            "type": [
              "string",
              "null"
            ]
          },
          "employees": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "annual_revenue": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          },
          "tax_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "birth_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Sensitive: omitted for agents."
          },
          "gender": {
            "type": [
              "string",
              "null"
            ]
          },
          "income_band": {
            "type": [
              "string",
              "null"
            ],
            "description": "Sensitive: omitted for agents."
          },
          "measurements": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": {
              "type": "number"
            },
            "description": "Body measurements by name. Sensitive: omitted for agents and analysts."
          },
          "emails": {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string",
                  "format": "email"
                },
                {
                  "$ref": "#/components/schemas/Email"
                }
              ]
            },
            "description": "Plain addresses or objects."
          },
          "phones": {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string"
                },
                {
                  "$ref": "#/components/schemas/PhoneInput"
                }
              ]
            },
            "description": "Plain numbers in any formatting, or objects."
          },
          "addresses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Address"
            }
          },
          "external_ids": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExternalId"
            }
          },
          "serials": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Serial"
            }
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "custom": {
            "type": "object",
            "additionalProperties": true,
            "description": "Values of the custom fields, by key."
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "CustomerList": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "description": "Each customer also carries `scores` (the latest value analysis, or null).",
            "items": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/Customer"
                },
                {
                  "type": "object",
                  "properties": {
                    "scores": {
                      "oneOf": [
                        {
                          "$ref": "#/components/schemas/CustomerScores"
                        },
                        {
                          "type": "null"
                        }
                      ]
                    }
                  }
                }
              ]
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last page."
          },
          "total": {
            "type": "integer",
            "description": "Only with `total=true`."
          }
        }
      },
      "Customer360": {
        "type": "object",
        "required": [
          "customer",
          "contacts",
          "interactions",
          "purchases",
          "stats",
          "scores",
          "cases",
          "orders"
        ],
        "properties": {
          "customer": {
            "$ref": "#/components/schemas/Customer"
          },
          "contacts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Contact"
            }
          },
          "interactions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Interaction"
            },
            "description": "The latest 20, newest first."
          },
          "purchases": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Purchase"
            },
            "description": "The latest 20, newest first."
          },
          "stats": {
            "$ref": "#/components/schemas/CustomerStats"
          },
          "scores": {
            "description": "Analytics scores of the latest value run; null until a run has scored the customer.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/CustomerScores"
              },
              {
                "type": "null"
              }
            ]
          },
          "cases": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "orders": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        }
      },
      "Contact": {
        "type": "object",
        "required": [
          "id",
          "customer_id",
          "name"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "email": {
            "type": [
              "string",
              "null"
            ],
            "format": "email"
          },
          "phone": {
            "type": [
              "string",
              "null"
            ]
          },
          "is_primary": {
            "type": "boolean"
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          },
          "version": {
            "type": "integer"
          },
          "created_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          }
        }
      },
      "ContactInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string"
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "email": {
            "type": [
              "string",
              "null"
            ],
            "format": "email"
          },
          "phone": {
            "type": [
              "string",
              "null"
            ]
          },
          "is_primary": {
            "type": "boolean"
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ContactList": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Contact"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Link": {
        "type": "object",
        "required": [
          "entity",
          "id"
        ],
        "properties": {
          "entity": {
            "type": "string"
          },
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          }
        }
      },
      "Interaction": {
        "type": "object",
        "required": [
          "id",
          "customer_id",
          "type",
          "direction",
          "channel",
          "occurred_at"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "contact_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "type": {
            "type": "string",
            "enum": [
              "call",
              "email",
              "fax",
              "letter",
              "visit",
              "web",
              "review",
              "return",
              "service",
              "complaint",
              "promotion",
              "purchase",
              "note",
              "case"
            ]
          },
          "direction": {
            "type": "string",
            "enum": [
              "inbound",
              "outbound"
            ]
          },
          "channel": {
            "type": "string",
            "enum": [
              "phone",
              "fax",
              "email",
              "web",
              "letter",
              "visit",
              "chat",
              "social",
              "store"
            ]
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "subject": {
            "type": [
              "string",
              "null"
            ]
          },
          "body": {
            "type": [
              "string",
              "null"
            ]
          },
          "links": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      },
      "InteractionInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "customer_id",
          "type",
          "direction",
          "channel",
          "occurred_at"
        ],
        "properties": {
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "contact_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          },
          "type": {
            "type": "string"
          },
          "direction": {
            "type": "string"
          },
          "channel": {
            "type": "string"
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "subject": {
            "type": [
              "string",
              "null"
            ]
          },
          "body": {
            "type": [
              "string",
              "null"
            ]
          },
          "links": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Link"
            }
          }
        }
      },
      "InteractionList": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Interaction"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "Purchase": {
        "type": "object",
        "required": [
          "id",
          "customer_id",
          "occurred_at",
          "quantity",
          "revenue"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "sku": {
            "type": [
              "string",
              "null"
            ]
          },
          "product": {
            "type": [
              "string",
              "null"
            ]
          },
          "quantity": {
            "type": "number"
          },
          "revenue": {
            "$ref": "#/components/schemas/Money"
          },
          "cost": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Money"
              },
              {
                "type": "null"
              }
            ]
          },
          "order_ref": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "PurchaseInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "customer_id",
          "occurred_at",
          "quantity",
          "revenue"
        ],
        "properties": {
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "occurred_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "sku": {
            "type": "string"
          },
          "product": {
            "type": "string"
          },
          "quantity": {
            "type": "number"
          },
          "revenue": {
            "$ref": "#/components/schemas/Money"
          },
          "cost": {
            "$ref": "#/components/schemas/Money"
          },
          "order_ref": {
            "type": "string"
          }
        }
      },
      "PurchaseList": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Purchase"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "CustomField": {
        "type": "object",
        "required": [
          "id",
          "entity",
          "key",
          "label",
          "type",
          "required"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "entity": {
            "type": "string",
            "enum": [
              "customer"
            ]
          },
          "key": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$"
          },
          "label": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "text",
              "number",
              "integer",
              "boolean",
              "date",
              "enum"
            ]
          },
          "required": {
            "type": "boolean"
          },
          "allowed_values": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CustomFieldInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entity",
          "key",
          "label",
          "type"
        ],
        "properties": {
          "entity": {
            "type": "string",
            "enum": [
              "customer"
            ]
          },
          "key": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$"
          },
          "label": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "text",
              "number",
              "integer",
              "boolean",
              "date",
              "enum"
            ]
          },
          "required": {
            "type": "boolean",
            "default": false
          },
          "allowed_values": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CustomFieldPatch": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "label": {
            "type": "string"
          },
          "required": {
            "type": "boolean"
          },
          "allowed_values": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CustomFieldList": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CustomField"
            }
          }
        }
      },
      "Change": {
        "type": "object",
        "required": [
          "field"
        ],
        "properties": {
          "field": {
            "type": "string"
          },
          "before": {
            "description": "Value before; null when absent."
          },
          "after": {
            "description": "Value after; null when removed."
          }
        }
      },
      "ChangeEntry": {
        "type": "object",
        "required": [
          "seq",
          "at",
          "actor",
          "entity",
          "entity_id",
          "op",
          "changes"
        ],
        "properties": {
          "seq": {
            "type": "integer",
            "description": "Monotonically increasing sequence number."
          },
          "at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "actor": {
            "description": "Who made the change."
          },
          "entity": {
            "type": "string",
            "examples": [
              "customer"
            ]
          },
          "entity_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "op": {
            "type": "string",
            "examples": [
              "create",
              "update",
              "archive",
              "restore"
            ]
          },
          "changes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Change"
            }
          }
        }
      },
      "ChangeList": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChangeEntry"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "LookupHit": {
        "type": "object",
        "required": [
          "id",
          "name",
          "kind",
          "status",
          "matched_by"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "person",
              "organization"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "matched_by": {
            "type": "string",
            "enum": [
              "phone",
              "email",
              "external_id",
              "serial",
              "tax_id",
              "name"
            ]
          },
          "matched_value": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "LookupResult": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LookupHit"
            }
          }
        }
      },
      "User": {
        "type": "object",
        "required": [
          "id",
          "email",
          "role"
        ],
        "properties": {
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "email": {
            "type": "string",
            "format": "email"
          },
          "name": {
            "type": [
              "string",
              "null"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "admin",
              "manager",
              "sales",
              "agent",
              "analyst",
              "customer"
            ]
          },
          "customer_id": {
            "description": "The linked customer, for portal users.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "UserInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "email",
          "password",
          "name",
          "role"
        ],
        "properties": {
          "email": {
            "type": "string",
            "format": "email"
          },
          "password": {
            "type": "string",
            "minLength": 8,
            "writeOnly": true
          },
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "admin",
              "manager",
              "sales",
              "agent",
              "analyst",
              "customer"
            ]
          },
          "customer_id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "UserList": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/User"
            }
          }
        }
      },
      "SessionRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "email",
          "password"
        ],
        "properties": {
          "email": {
            "type": "string",
            "format": "email"
          },
          "password": {
            "type": "string",
            "writeOnly": true
          }
        }
      },
      "Session": {
        "type": "object",
        "required": [
          "token",
          "expires_at",
          "user"
        ],
        "properties": {
          "token": {
            "type": "string",
            "description": "Bearer token; shown only here."
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          },
          "user": {
            "$ref": "#/components/schemas/User"
          }
        }
      },
      "ApiTokenRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "expires_in_days": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "ApiToken": {
        "type": "object",
        "required": [
          "token",
          "id",
          "name",
          "expires_at"
        ],
        "properties": {
          "token": {
            "type": "string",
            "description": "Bearer token; shown only here."
          },
          "id": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ],
            "description": "Record identifier."
          },
          "name": {
            "type": "string"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 UTC time."
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          }
        }
      },
      "FieldError": {
        "type": "object",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "description": "Path of the offending field, e.g. `emails[0]` or `custom.loyalty_tier`."
          },
          "message": {
            "type": "string"
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details.",
        "required": [
          "type",
          "title",
          "status"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri-reference"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer"
          },
          "detail": {
            "type": "string"
          },
          "errors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FieldError"
            }
          },
          "request_id": {
            "type": "string"
          }
        }
      },
      "AnalysisRunRequest": {
        "type": "object",
        "required": [
          "kind"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "value"
            ]
          },
          "as_of": {
            "type": "string",
            "description": "Reference date or instant (default: now); later purchases are ignored. Not in the future."
          },
          "calibration_end": {
            "type": "string",
            "description": "Fit the models on purchases up to this date; later purchases up to as_of form the holdout report. Default: as_of."
          },
          "unit": {
            "type": "string",
            "enum": [
              "day",
              "week",
              "month"
            ],
            "description": "Time unit of the repeat-purchase models (default week)."
          },
          "model": {
            "type": "string",
            "enum": [
              "bgnbd",
              "paretonbd"
            ],
            "description": "Model behind P(alive), expected purchases and CLV (default bgnbd); both are fitted."
          },
          "rank_by": {
            "type": "string",
            "enum": [
              "revenue",
              "profit"
            ],
            "description": "Value the ABC classes rank by (default revenue)."
          },
          "horizon_months": {
            "type": "integer",
            "minimum": 1,
            "maximum": 120,
            "description": "CLV horizon (default 12)."
          },
          "monthly_discount_rate": {
            "type": "number",
            "minimum": 0,
            "exclusiveMaximum": 1,
            "description": "Default 0.01."
          }
        }
      },
      "AnalysisRun": {
        "type": "object",
        "required": [
          "id",
          "kind",
          "status",
          "progress",
          "parameters",
          "inputs",
          "error",
          "created_by",
          "created_at",
          "started_at",
          "finished_at"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "kind": {
            "type": "string",
            "enum": [
              "value"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "running",
              "succeeded",
              "failed"
            ]
          },
          "progress": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "parameters": {
            "type": "object",
            "description": "The resolved parameters (defaults filled in)."
          },
          "inputs": {
            "type": [
              "object",
              "null"
            ],
            "description": "What the run read: customers, purchase lines, date range, fit cohort."
          },
          "result": {
            "type": [
              "object",
              "null"
            ],
            "description": "Fitted models, counts and charts (as in the value summary); only on GET of one run."
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why the run failed."
          },
          "created_by": {
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
          }
        }
      },
      "AnalysisRunList": {
        "type": "object",
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AnalysisRun"
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ValueSummary": {
        "type": "object",
        "required": [
          "run",
          "bgnbd",
          "paretonbd",
          "gamma_gamma",
          "counts",
          "abc",
          "rfm_grid",
          "clv_histogram",
          "p_alive_histogram",
          "holdout",
          "warnings",
          "top_customers"
        ],
        "properties": {
          "run": {
            "$ref": "#/components/schemas/AnalysisRun"
          },
          "model": {
            "type": "string",
            "enum": [
              "bgnbd",
              "paretonbd"
            ]
          },
          "unit": {
            "type": "string",
            "enum": [
              "day",
              "week",
              "month"
            ]
          },
          "currency": {
            "type": "string"
          },
          "bgnbd": {
            "type": [
              "object",
              "null"
            ],
            "description": "r, alpha, a, b, log_likelihood; null when not fitted."
          },
          "paretonbd": {
            "type": [
              "object",
              "null"
            ],
            "description": "r, alpha, s, beta, log_likelihood; null when not fitted."
          },
          "gamma_gamma": {
            "type": [
              "object",
              "null"
            ],
            "description": "p, q, gamma; null when not fitted."
          },
          "gamma_gamma_check": {
            "type": [
              "object",
              "null"
            ],
            "description": "Log-likelihood, customers used and the frequency-spend correlation."
          },
          "fit_diagnostics": {
            "type": "object"
          },
          "counts": {
            "type": "object",
            "description": "customers, scored_by_model, and counts per ABC class, value class and account size."
          },
          "abc": {
            "type": "object",
            "description": "rank_by, class totals and the Pareto chart (bars with the cumulative curve)."
          },
          "rfm_grid": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "r": {
                  "type": "integer"
                },
                "f": {
                  "type": "integer"
                },
                "customers": {
                  "type": "integer"
                },
                "mean_monetary": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          },
          "clv_histogram": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/HistogramBin"
            }
          },
          "p_alive_histogram": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/HistogramBin"
            }
          },
          "totals": {
            "type": "object"
          },
          "holdout": {
            "type": [
              "object",
              "null"
            ],
            "description": "Expected vs actual holdout repeat purchases per calibration frequency; null without a calibration end."
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "top_customers": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "customer_id": {
                  "type": "integer"
                },
                "name": {
                  "type": "string"
                },
                "clv": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "p_alive": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "expected_purchases_90d": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "abc_class": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "value_class": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "rfm_cell": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "HistogramBin": {
        "type": "object",
        "required": [
          "from",
          "to",
          "customers"
        ],
        "properties": {
          "from": {
            "type": [
              "number",
              "null"
            ]
          },
          "to": {
            "type": [
              "number",
              "null"
            ]
          },
          "customers": {
            "type": "integer"
          }
        }
      },
      "CustomerScores": {
        "type": "object",
        "description": "Scores of the latest value run. Money in the ledger currency, in major units.",
        "properties": {
          "run_id": {
            "type": "integer"
          },
          "computed_at": {
            "type": "string",
            "format": "date-time"
          },
          "recency_days": {
            "type": [
              "integer",
              "null"
            ]
          },
          "frequency": {
            "type": "integer"
          },
          "monetary": {
            "type": [
              "number",
              "null"
            ]
          },
          "rfm": {
            "type": "object",
            "properties": {
              "r": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "f": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "m": {
                "type": [
                  "integer",
                  "null"
                ]
              }
            }
          },
          "rfm_cell": {
            "type": [
              "string",
              "null"
            ]
          },
          "abc_class": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "A",
              "B",
              "C",
              null
            ]
          },
          "abc_rank": {
            "type": [
              "integer",
              "null"
            ]
          },
          "profit": {
            "type": [
              "number",
              "null"
            ]
          },
          "clv_discounted": {
            "type": [
              "number",
              "null"
            ]
          },
          "clv_historical": {
            "type": [
              "number",
              "null"
            ]
          },
          "clv_future": {
            "type": [
              "number",
              "null"
            ]
          },
          "clv_potential": {
            "type": [
              "number",
              "null"
            ]
          },
          "p_alive": {
            "type": [
              "number",
              "null"
            ]
          },
          "expected_purchases_90d": {
            "type": [
              "number",
              "null"
            ]
          },
          "expected_spend": {
            "type": [
              "number",
              "null"
            ]
          },
          "clv": {
            "type": [
              "number",
              "null"
            ]
          },
          "value_class": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "key",
              "potential",
              "general",
              null
            ]
          },
          "account_size": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "large",
              "small",
              null
            ]
          }
        }
      }
    },
    "parameters": {
      "CustomerId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Customer id.",
        "schema": {
          "type": "string"
        }
      },
      "ContactId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Contact id.",
        "schema": {
          "type": "string"
        }
      },
      "CustomFieldId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Custom field id.",
        "schema": {
          "type": "string"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "description": "Page size.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "description": "Opaque cursor from `next_cursor` of the previous page.",
        "schema": {
          "type": "string"
        }
      },
      "Q": {
        "name": "q",
        "in": "query",
        "description": "Full-text search over names and identifiers.",
        "schema": {
          "type": "string"
        }
      },
      "Sort": {
        "name": "sort",
        "in": "query",
        "description": "Comma-separated fields; a leading `-` sorts descending, e.g. `-revenue_total,name`.",
        "schema": {
          "type": "string"
        }
      },
      "Total": {
        "name": "total",
        "in": "query",
        "description": "Also count all matching records.",
        "schema": {
          "type": "boolean",
          "default": false
        }
      },
      "Filter": {
        "name": "filter",
        "in": "query",
        "style": "deepObject",
        "explode": true,
        "description": "`filter[FIELD]=V` (equals) or `filter[FIELD][OP]=V` with OP one of eq, neq, in (comma list), gt, gte, lt, lte, contains, starts-with, is-null (true/false). Fields: id, kind, name, status, roles, tags, sector, country, city, owner_id, parent_id, employees, annual_revenue, created_at, updated_at, purchase_count, revenue_total, last_purchase_at, first_purchase_at, the scores of the latest value run (clv, clv_discounted, p_alive, expected_purchases, abc, rfm_cell, value_class, account_size), custom.KEY. Archived customers are excluded unless `filter[status]` is given.",
        "schema": {
          "type": "object",
          "additionalProperties": true
        }
      },
      "CustomerIdFilter": {
        "name": "filter[customer_id]",
        "in": "query",
        "description": "Only records of this customer.",
        "schema": {
          "type": "string"
        }
      },
      "EntityFilter": {
        "name": "filter[entity]",
        "in": "query",
        "description": "Only changes of this entity type, e.g. `customer`.",
        "schema": {
          "type": "string"
        }
      },
      "ActorFilter": {
        "name": "filter[actor]",
        "in": "query",
        "description": "Only changes made by this user id.",
        "schema": {
          "type": "string"
        }
      },
      "IfMatch": {
        "name": "If-Match",
        "in": "header",
        "required": true,
        "description": "The ETag from the last GET; 412 when stale, 428 when absent.",
        "schema": {
          "type": "string"
        }
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "description": "Replays the first response for a repeated key with the same body; a different body is refused.",
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "AnalysisRunId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Analysis run id.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Malformed request",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Bad Request",
              "status": 400,
              "detail": "malformed JSON at offset 27",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f60"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Not authenticated",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Unauthorized",
              "status": 401,
              "detail": "missing or invalid bearer token",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f61"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Not allowed",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Forbidden",
              "status": 403,
              "detail": "role agent may not create customers",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f62"
            }
          }
        }
      },
      "NotFound": {
        "description": "Not found, or not visible to the caller",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Not Found",
              "status": 404,
              "detail": "customer not found",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f63"
            }
          }
        }
      },
      "Conflict": {
        "description": "Conflict with the current state",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Conflict",
              "status": 409,
              "detail": "Idempotency-Key reused with a different body",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f64"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "If-Match does not match the current version",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Precondition Failed",
              "status": 412,
              "detail": "the record changed since it was read (version 4)",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f65"
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "Request body larger than 1 MiB",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Payload Too Large",
              "status": 413,
              "detail": "request body exceeds 1048576 bytes",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f66"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "Body is not application/json",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Unsupported Media Type",
              "status": 415,
              "detail": "expected application/json",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f67"
            }
          }
        }
      },
      "UnprocessableEntity": {
        "description": "Validation failed",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Unprocessable Content",
              "status": 422,
              "detail": "2 fields are invalid",
              "errors": [
                {
                  "field": "emails[0]",
                  "message": "not an email address"
                },
                {
                  "field": "custom.loyalty_tier",
                  "message": "must be one of gold, silver"
                }
              ],
              "request_id": "7f3c9a1e2b4d5f68"
            }
          }
        }
      },
      "PreconditionRequired": {
        "description": "If-Match is required",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Precondition Required",
              "status": 428,
              "detail": "PATCH needs If-Match with the ETag from GET",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f69"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too many failed logins",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "about:blank",
              "title": "Too Many Requests",
              "status": 429,
              "detail": "too many failed logins; retry later",
              "errors": [],
              "request_id": "7f3c9a1e2b4d5f6a"
            }
          }
        }
      }
    },
    "headers": {
      "XRequestId": {
        "description": "Request id, also in the server log.",
        "schema": {
          "type": "string"
        }
      },
      "ETag": {
        "description": "Quoted record version, for If-Match.",
        "schema": {
          "type": "string"
        }
      },
      "Location": {
        "description": "URL of the created record.",
        "schema": {
          "type": "string"
        }
      },
      "RetryAfter": {
        "description": "Seconds to wait before trying again.",
        "schema": {
          "type": "integer"
        }
      }
    }
  }
})openapi";

// Adds a fragment's tags, paths and components to the document.
void Merge(boost::json::object& doc, std::string_view fragment_text) {
  boost::json::object fragment = boost::json::parse(fragment_text).as_object();
  if (auto* tags = fragment.if_contains("tags")) {
    for (auto& t : tags->as_array()) doc["tags"].as_array().push_back(t);
  }
  if (auto* paths = fragment.if_contains("paths")) {
    for (auto& [k, v] : paths->as_object()) doc["paths"].as_object()[k] = v;
  }
  if (auto* components = fragment.if_contains("components")) {
    for (auto& [section, entries] : components->as_object()) {
      auto& target = doc["components"].as_object()[section];
      if (!target.is_object()) target = boost::json::object();
      for (auto& [k, v] : entries.as_object()) target.as_object()[k] = v;
    }
  }
}

std::string Assemble() {
  boost::json::object doc = boost::json::parse(kDocument).as_object();
  for (std::string_view part : {openapi::Sales(), openapi::Pipeline(), openapi::Service(),
                                openapi::Sla(), openapi::Imports(), openapi::Privacy()}) {
    Merge(doc, part);
  }
  return boost::json::serialize(doc);
}

}  // namespace

std::string_view OpenApiDocument() {
  static const std::string kAssembled = Assemble();
  return kAssembled;
}

}  // namespace chaincrm::api
