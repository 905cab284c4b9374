#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// Cases, notes, calls, returns, surveys and the service reports.
std::string_view Service() {
  return R"openapi({
 "tags": [
  {
   "name": "Cases",
   "description": "Cases (tickets), notes and incoming calls."
  },
  {
   "name": "Returns",
   "description": "Returns, claims, warranty and repair."
  },
  {
   "name": "Surveys",
   "description": "Satisfaction surveys."
  },
  {
   "name": "Service reports",
   "description": "Service metrics and satisfaction."
  }
 ],
 "paths": {
  "/api/v1/orders/{id}/cases": {
   "post": {
    "operationId": "openOrderLineCase",
    "summary": "Open a case for an order line that failed a Perfect Order component",
    "description": "Opens an order_delivery_problem case for the order's customer, linked to the order and line, naming the failed components (on_time, in_full, damage_free, documentation). 422 when the line is not delivered yet or met every component.",
    "tags": ["Cases"],
    "parameters": [
     {"name": "id", "in": "path", "required": true, "description": "Order id.", "schema": {"type": "string"}}
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": ["order_line_id"],
        "additionalProperties": false,
        "properties": {
         "order_line_id": {"type": "integer", "description": "The order line that failed."},
         "priority": {"type": "string", "enum": ["low", "normal", "high", "urgent"]},
         "queue": {"type": "string"}
        }
       },
       "example": {"order_line_id": 12, "priority": "high"}
      }
     }
    },
    "responses": {
     "201": {
      "description": "Opened",
      "headers": {
       "X-Request-Id": {"$ref": "#/components/headers/XRequestId"},
       "ETag": {"$ref": "#/components/headers/ETag"},
       "Location": {"$ref": "#/components/headers/Location"}
      },
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}
     },
     "400": {"$ref": "#/components/responses/BadRequest"},
     "401": {"$ref": "#/components/responses/Unauthorized"},
     "403": {"$ref": "#/components/responses/Forbidden"},
     "404": {"$ref": "#/components/responses/NotFound"},
     "413": {"$ref": "#/components/responses/PayloadTooLarge"},
     "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
     "422": {"$ref": "#/components/responses/UnprocessableEntity"}
    }
   }
  },
  "/api/v1/cases": {
   "get": {
    "operationId": "listCases",
    "summary": "List cases",
    "tags": [
     "Cases"
    ],
    "responses": {
     "200": {
      "description": "Cases, newest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CaseList"
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
      "name": "filter[status]",
      "in": "query",
      "description": "Only this status.",
      "schema": {
       "type": "string",
       "enum": [
        "new",
        "open",
        "pending_customer",
        "resolved",
        "closed"
       ]
      }
     },
     {
      "name": "filter[queue]",
      "in": "query",
      "description": "Only this queue.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "filter[category]",
      "in": "query",
      "description": "Only this category.",
      "schema": {
       "type": "string",
       "enum": [
        "technical_support",
        "pre_sales_inquiry",
        "complaint",
        "order_delivery_problem",
        "return_claim",
        "billing",
        "logistics_demand",
        "other"
       ]
      }
     },
     {
      "name": "filter[priority]",
      "in": "query",
      "description": "Only this priority.",
      "schema": {
       "type": "string",
       "enum": [
        "low",
        "normal",
        "high",
        "urgent"
       ]
      }
     },
     {
      "name": "filter[owner_id]",
      "in": "query",
      "description": "Only cases owned by this user.",
      "schema": {
       "type": "string"
      }
     },
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
    "operationId": "createCase",
    "summary": "Open a case",
    "tags": [
     "Cases"
    ],
    "responses": {
     "201": {
      "description": "Opened",
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
         "$ref": "#/components/schemas/Case"
        }
       }
      }
     },
     "200": {
      "description": "Replayed (Idempotency-Key)",
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
         "$ref": "#/components/schemas/Case"
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
        "$ref": "#/components/schemas/CaseInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/cases/{id}": {
   "get": {
    "operationId": "getCase",
    "summary": "Get a case with its notes",
    "tags": [
     "Cases"
    ],
    "responses": {
     "200": {
      "description": "The case",
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
         "$ref": "#/components/schemas/Case"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Case id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "patch": {
    "operationId": "updateCase",
    "summary": "Update a case or move it in the workflow",
    "tags": [
     "Cases"
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
         "$ref": "#/components/schemas/Case"
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
    "description": "A transition not allowed from the current status is a 422 naming both statuses.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Case id.",
      "schema": {
       "type": "string"
      }
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
        "$ref": "#/components/schemas/CasePatch"
       }
      }
     }
    }
   }
  },
  "/api/v1/cases/{id}/notes": {
   "get": {
    "operationId": "listCaseNotes",
    "summary": "List a case's notes",
    "tags": [
     "Cases"
    ],
    "responses": {
     "200": {
      "description": "Notes, oldest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CaseNoteList"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Case id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "operationId": "addCaseNote",
    "summary": "Add a note or reply to a case",
    "tags": [
     "Cases"
    ],
    "responses": {
     "201": {
      "description": "Added",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CaseNote"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Case id.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CaseNoteInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/calls": {
   "post": {
    "operationId": "registerCall",
    "summary": "Register an incoming call (screen pop)",
    "tags": [
     "Cases"
    ],
    "responses": {
     "201": {
      "description": "The call and the matched customer's 360 with open cases",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CallScreenPop"
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
        "$ref": "#/components/schemas/CallInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/returns": {
   "get": {
    "operationId": "listReturns",
    "summary": "List returns and claims",
    "tags": [
     "Returns"
    ],
    "responses": {
     "200": {
      "description": "Returns, newest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ReturnList"
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
      "name": "filter[case_id]",
      "in": "query",
      "description": "Only returns of this case.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "filter[status]",
      "in": "query",
      "description": "Only this status.",
      "schema": {
       "type": "string"
      }
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
    "operationId": "createReturn",
    "summary": "Record a return or claim",
    "tags": [
     "Returns"
    ],
    "responses": {
     "201": {
      "description": "Recorded",
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
         "$ref": "#/components/schemas/Return"
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
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ReturnInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/returns/{id}": {
   "get": {
    "operationId": "getReturn",
    "summary": "Get a return",
    "tags": [
     "Returns"
    ],
    "responses": {
     "200": {
      "description": "The return",
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
         "$ref": "#/components/schemas/Return"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Return id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "patch": {
    "operationId": "updateReturn",
    "summary": "Decide or complete a return",
    "tags": [
     "Returns"
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
         "$ref": "#/components/schemas/Return"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Return id.",
      "schema": {
       "type": "string"
      }
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
        "$ref": "#/components/schemas/ReturnPatch"
       }
      }
     }
    }
   }
  },
  "/api/v1/survey-templates": {
   "get": {
    "operationId": "listSurveyTemplates",
    "summary": "List survey templates",
    "tags": [
     "Surveys"
    ],
    "responses": {
     "200": {
      "description": "Templates",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SurveyTemplateList"
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
   },
   "post": {
    "operationId": "createSurveyTemplate",
    "summary": "Define a survey template",
    "tags": [
     "Surveys"
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
         "$ref": "#/components/schemas/SurveyTemplate"
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
        "$ref": "#/components/schemas/SurveyTemplateInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/surveys": {
   "get": {
    "operationId": "listSurveys",
    "summary": "List surveys",
    "tags": [
     "Surveys"
    ],
    "responses": {
     "200": {
      "description": "Surveys, newest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SurveyList"
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
      "name": "filter[status]",
      "in": "query",
      "description": "issued or answered.",
      "schema": {
       "type": "string",
       "enum": [
        "issued",
        "answered"
       ]
      }
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
    "operationId": "issueSurvey",
    "summary": "Issue a survey by hand",
    "tags": [
     "Surveys"
    ],
    "responses": {
     "201": {
      "description": "Issued (or the one already issued for that source)",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Survey"
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
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SurveyInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/surveys/{id}": {
   "get": {
    "operationId": "getSurvey",
    "summary": "Get a survey",
    "tags": [
     "Surveys"
    ],
    "responses": {
     "200": {
      "description": "The survey",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Survey"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Survey id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/surveys/{id}/answers": {
   "post": {
    "operationId": "answerSurvey",
    "summary": "Answer a survey",
    "tags": [
     "Surveys"
    ],
    "responses": {
     "200": {
      "description": "Answered, with its index and gap index",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Survey"
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
     "409": {
      "$ref": "#/components/responses/Conflict"
     }
    },
    "description": "Ratings are 1..7; out of range is a 422 naming the field (answers[i].perception) and nothing is written.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Survey id.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SurveyAnswerInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/service/metrics": {
   "get": {
    "operationId": "serviceMetrics",
    "summary": "Service metrics",
    "tags": [
     "Service reports"
    ],
    "responses": {
     "200": {
      "description": "Metrics",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceMetrics"
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
      "name": "from",
      "in": "query",
      "description": "Cases created at or after (RFC 3339 or date); default 30 days before `to`.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Cases created before; default now.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "group_by",
      "in": "query",
      "description": "Grouping.",
      "schema": {
       "type": "string",
       "enum": [
        "category",
        "channel",
        "queue",
        "month",
        "agent"
       ]
      }
     },
     {
      "name": "fcr_days",
      "in": "query",
      "description": "Follow-up window of first-contact resolution, days (default 7).",
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "queue",
      "in": "query",
      "description": "Only this queue.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/service/satisfaction": {
   "get": {
    "operationId": "satisfactionReport",
    "summary": "Satisfaction report",
    "tags": [
     "Service reports"
    ],
    "responses": {
     "200": {
      "description": "Index, gap, CSAT and NPS",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SatisfactionReport"
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
      "name": "from",
      "in": "query",
      "description": "Surveys answered at or after.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Surveys answered before.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "group_by",
      "in": "query",
      "description": "Grouping.",
      "schema": {
       "type": "string",
       "enum": [
        "customer",
        "segment",
        "month"
       ]
      }
     },
     {
      "$ref": "#/components/parameters/CustomerIdFilter"
     }
    ]
   }
  }
 },
 "components": {
  "schemas": {
   "CaseSla": {
    "type": "object",
    "description": "The case's SLA state (services/sla.h); empty when no policy applies.",
    "additionalProperties": true
   },
   "Case": {
    "type": "object",
    "required": [
     "id",
     "number",
     "customer_id",
     "subject",
     "category",
     "channel",
     "priority",
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
     "number": {
      "type": "string",
      "description": "CS-000123: unique, typed into lookup for a screen pop."
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
     "subject": {
      "type": "string"
     },
     "description": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "category": {
      "type": "string",
      "enum": [
       "technical_support",
       "pre_sales_inquiry",
       "complaint",
       "order_delivery_problem",
       "return_claim",
       "billing",
       "logistics_demand",
       "other"
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
       "social"
      ]
     },
     "priority": {
      "type": "string",
      "enum": [
       "low",
       "normal",
       "high",
       "urgent"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "new",
       "open",
       "pending_customer",
       "resolved",
       "closed"
      ]
     },
     "owner_id": {
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
     "queue": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "order_id": {
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
     "order_line_id": {
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
     "serial": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "purchase_id": {
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
     "first_response_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     },
     "resolved_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     },
     "closed_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     },
     "reopen_count": {
      "type": "integer"
     },
     "version": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "sla": {
      "$ref": "#/components/schemas/CaseSla"
     },
     "notes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/CaseNote"
      },
      "description": "On GET /cases/{id} only; portal users see customer-visible notes only."
     }
    }
   },
   "CaseInput": {
    "type": "object",
    "description": "Portal users send subject, description, category, channel and the links; the customer is their own.",
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
     "subject": {
      "type": "string",
      "maxLength": 300
     },
     "description": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "category": {
      "type": "string",
      "enum": [
       "technical_support",
       "pre_sales_inquiry",
       "complaint",
       "order_delivery_problem",
       "return_claim",
       "billing",
       "logistics_demand",
       "other"
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
       "social"
      ]
     },
     "priority": {
      "type": "string",
      "enum": [
       "low",
       "normal",
       "high",
       "urgent"
      ]
     },
     "owner_id": {
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
     "queue": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "order_id": {
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
     "order_line_id": {
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
     "serial": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "purchase_id": {
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
     "opened_at": {
      "type": "string",
      "format": "date-time",
      "description": "Staff only: when the case was really opened (not in the future)."
     }
    }
   },
   "CasePatch": {
    "type": "object",
    "description": "A JSON merge patch; `status` applies a workflow transition.",
    "properties": {
     "subject": {
      "type": "string"
     },
     "description": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "category": {
      "type": "string",
      "enum": [
       "technical_support",
       "pre_sales_inquiry",
       "complaint",
       "order_delivery_problem",
       "return_claim",
       "billing",
       "logistics_demand",
       "other"
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
       "social"
      ]
     },
     "priority": {
      "type": "string",
      "enum": [
       "low",
       "normal",
       "high",
       "urgent"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "new",
       "open",
       "pending_customer",
       "resolved",
       "closed"
      ]
     },
     "owner_id": {
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
     "queue": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
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
     "order_id": {
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
     "order_line_id": {
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
     "serial": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "purchase_id": {
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
     "at": {
      "type": "string",
      "format": "date-time",
      "description": "When the change happened (staff; default now)."
     }
    }
   },
   "CaseList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Case"
      }
     },
     "next_cursor": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ],
      "description": "Cursor of the next page; null on the last."
     }
    }
   },
   "CaseNote": {
    "type": "object",
    "required": [
     "id",
     "case_id",
     "visibility",
     "author_kind",
     "body",
     "created_at"
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
     "case_id": {
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
     "visibility": {
      "type": "string",
      "enum": [
       "internal",
       "customer"
      ]
     },
     "author_kind": {
      "type": "string",
      "enum": [
       "staff",
       "customer"
      ]
     },
     "author_user_id": {
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
     "author": {
      "type": "string"
     },
     "body": {
      "type": "string"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "CaseNoteInput": {
    "type": "object",
    "required": [
     "body"
    ],
    "properties": {
     "body": {
      "type": "string",
      "maxLength": 20000
     },
     "visibility": {
      "type": "string",
      "enum": [
       "internal",
       "customer"
      ],
      "description": "Staff only; default internal. Portal replies are customer-visible."
     },
     "at": {
      "type": "string",
      "format": "date-time",
      "description": "Staff only: when the note was written."
     }
    }
   },
   "CaseNoteList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/CaseNote"
      }
     },
     "next_cursor": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ],
      "description": "Cursor of the next page; null on the last."
     }
    }
   },
   "CallInput": {
    "type": "object",
    "required": [
     "caller_number"
    ],
    "properties": {
     "caller_number": {
      "type": "string"
     },
     "queue": {
      "type": "string"
     },
     "agent_id": {
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
     "occurred_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "Call": {
    "type": "object",
    "required": [
     "id",
     "caller_number",
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
     "caller_number": {
      "type": "string"
     },
     "queue": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "agent_id": {
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
     },
     "occurred_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "CallScreenPop": {
    "type": "object",
    "required": [
     "call",
     "matched",
     "customer",
     "open_cases",
     "candidates"
    ],
    "properties": {
     "call": {
      "$ref": "#/components/schemas/Call"
     },
     "matched": {
      "type": "boolean"
     },
     "customer": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Customer360"
       },
       {
        "type": "null"
       }
      ]
     },
     "open_cases": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Case"
      }
     },
     "candidates": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/LookupHit"
      },
      "description": "Every customer with this number (several → not matched)."
     }
    }
   },
   "Return": {
    "type": "object",
    "required": [
     "id",
     "customer_id",
     "reason",
     "status",
     "quantity",
     "amount",
     "version"
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
     "purchase_id": {
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
     "order_line_id": {
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
     "case_id": {
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
     "reason": {
      "type": "string"
     },
     "decision": {
      "oneOf": [
       {
        "type": "string",
        "enum": [
         "refund",
         "replace",
         "repair",
         "reject"
        ]
       },
       {
        "type": "null"
       }
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "requested",
       "approved",
       "rejected",
       "completed"
      ]
     },
     "quantity": {
      "type": "number"
     },
     "amount": {
      "$ref": "#/components/schemas/Money"
     },
     "version": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "decided_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     },
     "completed_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     }
    }
   },
   "ReturnInput": {
    "type": "object",
    "required": [
     "customer_id",
     "reason"
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
     "case_id": {
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
     "purchase_id": {
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
     "order_line_id": {
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
     "reason": {
      "type": "string"
     },
     "quantity": {
      "type": "number",
      "exclusiveMinimum": 0
     },
     "amount": {
      "$ref": "#/components/schemas/Money"
     }
    }
   },
   "ReturnPatch": {
    "type": "object",
    "properties": {
     "status": {
      "type": "string",
      "enum": [
       "approved",
       "rejected",
       "completed"
      ]
     },
     "decision": {
      "type": "string",
      "enum": [
       "refund",
       "replace",
       "repair",
       "reject"
      ]
     },
     "reason": {
      "type": "string"
     },
     "quantity": {
      "type": "number"
     },
     "amount": {
      "$ref": "#/components/schemas/Money"
     }
    }
   },
   "ReturnList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Return"
      }
     },
     "next_cursor": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ],
      "description": "Cursor of the next page; null on the last."
     }
    }
   },
   "SurveyTemplate": {
    "type": "object",
    "required": [
     "id",
     "name",
     "attributes"
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
     "attributes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ask_csat": {
      "type": "boolean"
     },
     "ask_nps": {
      "type": "boolean"
     },
     "is_default": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "SurveyTemplateInput": {
    "type": "object",
    "required": [
     "name",
     "attributes"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "attributes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ask_csat": {
      "type": "boolean"
     },
     "ask_nps": {
      "type": "boolean"
     },
     "is_default": {
      "type": "boolean"
     }
    }
   },
   "SurveyTemplateList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SurveyTemplate"
      }
     },
     "next_cursor": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ],
      "description": "Cursor of the next page; null on the last."
     }
    }
   },
   "SurveyAnswer": {
    "type": "object",
    "required": [
     "attribute",
     "importance",
     "expectation",
     "perception"
    ],
    "properties": {
     "attribute": {
      "type": "string"
     },
     "importance": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7
     },
     "expectation": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7
     },
     "perception": {
      "type": "integer",
      "minimum": 1,
      "maximum": 7
     },
     "gap": {
      "type": "integer",
      "description": "perception − expectation (read only)."
     }
    }
   },
   "Survey": {
    "type": "object",
    "required": [
     "id",
     "customer_id",
     "source_kind",
     "source_id",
     "status",
     "issued_at"
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
     "template_id": {
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
     "template": {
      "type": "string"
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
     "source_kind": {
      "type": "string",
      "enum": [
       "case",
       "order"
      ]
     },
     "source_id": {
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
     "case_id": {
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
     "status": {
      "type": "string",
      "enum": [
       "issued",
       "answered"
      ]
     },
     "issued_at": {
      "type": "string",
      "format": "date-time"
     },
     "answered_at": {
      "oneOf": [
       {
        "type": "string",
        "format": "date-time"
       },
       {
        "type": "null"
       }
      ]
     },
     "attributes": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "ask_csat": {
      "type": "boolean"
     },
     "ask_nps": {
      "type": "boolean"
     },
     "csat": {
      "oneOf": [
       {
        "type": "integer"
       },
       {
        "type": "null"
       }
      ]
     },
     "nps": {
      "oneOf": [
       {
        "type": "integer"
       },
       {
        "type": "null"
       }
      ]
     },
     "comment": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "satisfaction_index": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "gap_index": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "answers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SurveyAnswer"
      }
     }
    }
   },
   "SurveyInput": {
    "type": "object",
    "required": [
     "customer_id",
     "source_kind",
     "source_id"
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
     "source_kind": {
      "type": "string",
      "enum": [
       "case",
       "order"
      ]
     },
     "source_id": {
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
   "SurveyAnswerInput": {
    "type": "object",
    "required": [
     "answers"
    ],
    "properties": {
     "answers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SurveyAnswer"
      }
     },
     "csat": {
      "type": "integer",
      "minimum": 1,
      "maximum": 5
     },
     "nps": {
      "type": "integer",
      "minimum": 0,
      "maximum": 10
     },
     "comment": {
      "type": "string",
      "maxLength": 5000
     }
    }
   },
   "SurveyList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Survey"
      }
     },
     "next_cursor": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ],
      "description": "Cursor of the next page; null on the last."
     }
    }
   },
   "TimeStats": {
    "type": "object",
    "properties": {
     "count": {
      "type": "integer"
     },
     "mean": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "p90": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     }
    }
   },
   "ServiceMetricsGroup": {
    "type": "object",
    "properties": {
     "key": {
      "type": "string"
     },
     "volume": {
      "type": "integer"
     },
     "resolved": {
      "type": "integer"
     },
     "reopened": {
      "type": "integer"
     },
     "first_response_hours": {
      "$ref": "#/components/schemas/TimeStats"
     },
     "resolution_hours": {
      "$ref": "#/components/schemas/TimeStats"
     },
     "fcr": {
      "type": "object",
      "properties": {
       "count": {
        "type": "integer"
       },
       "rate": {
        "oneOf": [
         {
          "type": "number"
         },
         {
          "type": "null"
         }
        ]
       }
      }
     },
     "sla": {
      "type": "object",
      "additionalProperties": true
     }
    }
   },
   "ServiceMetrics": {
    "type": "object",
    "required": [
     "from",
     "to",
     "overall",
     "groups",
     "backlog",
     "agents"
    ],
    "properties": {
     "from": {
      "type": "string",
      "format": "date-time"
     },
     "to": {
      "type": "string",
      "format": "date-time"
     },
     "group_by": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "fcr_days": {
      "type": "integer"
     },
     "percentile_method": {
      "type": "string"
     },
     "overall": {
      "$ref": "#/components/schemas/ServiceMetricsGroup"
     },
     "groups": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceMetricsGroup"
      }
     },
     "backlog": {
      "type": "object",
      "properties": {
       "open": {
        "type": "integer"
       },
       "by_age": {
        "type": "object",
        "additionalProperties": {
         "type": "integer"
        }
       }
      }
     },
     "agents": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "user_id": {
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
         "oneOf": [
          {
           "type": "string"
          },
          {
           "type": "null"
          }
         ]
        },
        "resolved": {
         "type": "integer"
        },
        "notes": {
         "type": "integer"
        }
       }
      }
     }
    }
   },
   "SatisfactionGroup": {
    "type": "object",
    "properties": {
     "key": {
      "type": "string"
     },
     "surveys": {
      "type": "integer"
     },
     "index": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "gap_index": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "mean_gap": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "csat": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "csat_responses": {
      "type": "integer"
     },
     "nps": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "nps_responses": {
      "type": "integer"
     }
    }
   },
   "SatisfactionReport": {
    "type": "object",
    "required": [
     "overall",
     "groups",
     "attributes"
    ],
    "properties": {
     "overall": {
      "$ref": "#/components/schemas/SatisfactionGroup"
     },
     "group_by": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "groups": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SatisfactionGroup"
      }
     },
     "attributes": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "attribute": {
         "type": "string"
        },
        "responses": {
         "type": "integer"
        },
        "mean_importance": {
         "type": "number"
        },
        "mean_expectation": {
         "type": "number"
        },
        "mean_perception": {
         "type": "number"
        },
        "mean_gap": {
         "type": "number"
        }
       }
      }
     }
    }
   }
  }
 }
})openapi";
}

}  // namespace chaincrm::api::openapi
