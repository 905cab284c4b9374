#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// Opportunities, the board, forecast and stage probabilities; tasks; invoices, payments,
// credit notes, the ERP invoice batch; ageing, collection list, balances, credit limits.
std::string_view Pipeline() {
  return R"openapi({
 "tags": [
  {
   "name": "Pipeline",
   "description": "Opportunities through the four stages of the marketing process, the board, stage probabilities and the weighted forecast."
  },
  {
   "name": "Tasks",
   "description": "Activities and tasks with due dates on customers and opportunities."
  },
  {
   "name": "Invoices",
   "description": "Invoices, payments and credit notes."
  },
  {
   "name": "Receivables",
   "description": "Ageing, collection work list, balances and credit limits."
  }
 ],
 "paths": {
  "/api/v1/opportunities": {
   "get": {
    "operationId": "listOpportunities",
    "summary": "List opportunities (kanban columns by filter[stage])",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "Opportunities, newest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OpportunityList"
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
      "name": "filter[stage]",
      "in": "query",
      "description": "One stage.",
      "schema": {
       "type": "string",
       "enum": [
        "need_collection",
        "solution_design",
        "selling",
        "follow_up",
        "won",
        "lost"
       ]
      }
     },
     {
      "name": "filter[owner_id]",
      "in": "query",
      "description": "Owner user id.",
      "schema": {
       "type": "integer"
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
    "operationId": "createOpportunity",
    "summary": "Create an opportunity",
    "tags": [
     "Pipeline"
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
         "$ref": "#/components/schemas/Opportunity"
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
        "$ref": "#/components/schemas/OpportunityInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/opportunities/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The opportunity id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "get": {
    "operationId": "getOpportunity",
    "summary": "Get an opportunity with its stage history",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "The opportunity",
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
         "$ref": "#/components/schemas/Opportunity"
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
   },
   "patch": {
    "operationId": "updateOpportunity",
    "summary": "Update or move an opportunity (JSON merge patch)",
    "tags": [
     "Pipeline"
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
         "$ref": "#/components/schemas/Opportunity"
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
    "description": "A changed stage is a stage move recorded in the stage history; lost needs lost_reason.",
    "parameters": [
     {
      "$ref": "#/components/parameters/IfMatch"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/OpportunityInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/pipeline/board": {
   "get": {
    "operationId": "getPipelineBoard",
    "summary": "Counts and amounts per stage",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "One entry per stage in process order",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineBoard"
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
  "/api/v1/pipeline/forecast": {
   "get": {
    "operationId": "getPipelineForecast",
    "summary": "Weighted pipeline forecast",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "Sum of amount × stage probability per group and currency",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PipelineForecast"
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
      "name": "group_by",
      "in": "query",
      "description": "month (of expected close), owner, segment (customer kind) or abc.",
      "schema": {
       "type": "string",
       "enum": [
        "month",
        "owner",
        "segment",
        "abc"
       ],
       "default": "month"
      }
     },
     {
      "name": "from",
      "in": "query",
      "description": "Expected close on or after.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Expected close before.",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ]
   }
  },
  "/api/v1/pipeline/probabilities": {
   "get": {
    "operationId": "getStageProbabilities",
    "summary": "Stage probabilities",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "Percent per stage",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/StageProbabilities"
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
   "put": {
    "operationId": "setStageProbabilities",
    "summary": "Change stage probabilities (admin, manager)",
    "tags": [
     "Pipeline"
    ],
    "responses": {
     "200": {
      "description": "Percent per stage",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/StageProbabilities"
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
        "$ref": "#/components/schemas/StageProbabilitiesInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/tasks": {
   "get": {
    "operationId": "listTasks",
    "summary": "List tasks, overdue first",
    "tags": [
     "Tasks"
    ],
    "responses": {
     "200": {
      "description": "Tasks",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TaskList"
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
      "name": "filter[assignee_id]",
      "in": "query",
      "description": "Assignee user id.",
      "schema": {
       "type": "integer"
      }
     },
     {
      "$ref": "#/components/parameters/CustomerIdFilter"
     },
     {
      "name": "filter[opportunity_id]",
      "in": "query",
      "description": "Opportunity id.",
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "filter[status]",
      "in": "query",
      "description": "open or done.",
      "schema": {
       "type": "string",
       "enum": [
        "open",
        "done"
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
    "operationId": "createTask",
    "summary": "Create a task",
    "tags": [
     "Tasks"
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
         "$ref": "#/components/schemas/Task"
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
        "$ref": "#/components/schemas/TaskInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/tasks/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The task id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "get": {
    "operationId": "getTask",
    "summary": "Get a task",
    "tags": [
     "Tasks"
    ],
    "responses": {
     "200": {
      "description": "The task",
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
         "$ref": "#/components/schemas/Task"
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
   },
   "patch": {
    "operationId": "updateTask",
    "summary": "Update a task (JSON merge patch)",
    "tags": [
     "Tasks"
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
         "$ref": "#/components/schemas/Task"
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
      "$ref": "#/components/parameters/IfMatch"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/TaskInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/orders/{id}/invoices": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The order id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "post": {
    "operationId": "invoiceOrder",
    "summary": "Invoice an order",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "201": {
      "description": "Created",
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
         "$ref": "#/components/schemas/Invoice"
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
     },
     "412": {
      "$ref": "#/components/responses/PreconditionFailed"
     }
    },
    "description": "One invoice line per order line. 409 when the order is already invoiced; 412 for a quote or cancelled order.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/InvoiceFromOrderInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/invoices": {
   "get": {
    "operationId": "listInvoices",
    "summary": "List invoices",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "200": {
      "description": "Invoices, newest first",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InvoiceList"
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
      "$ref": "#/components/parameters/CustomerIdFilter"
     },
     {
      "name": "filter[status]",
      "in": "query",
      "description": "open, paid or credited.",
      "schema": {
       "type": "string",
       "enum": [
        "open",
        "paid",
        "credited"
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
    "operationId": "createInvoice",
    "summary": "Create an invoice without an order",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "201": {
      "description": "Created",
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
         "$ref": "#/components/schemas/Invoice"
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
        "$ref": "#/components/schemas/InvoiceInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/invoices/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The invoice id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "get": {
    "operationId": "getInvoice",
    "summary": "Get an invoice with lines, payments and credit notes",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "200": {
      "description": "The invoice",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Invoice"
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
  "/api/v1/invoices/{id}/payments": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The invoice id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "post": {
    "operationId": "recordPayment",
    "summary": "Record a (partial) payment",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "201": {
      "description": "The invoice after the payment",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Invoice"
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
    "description": "422 naming amount when it exceeds the open balance; nothing is written.",
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
        "$ref": "#/components/schemas/PaymentInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/invoices/{id}/credit-notes": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The invoice id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "post": {
    "operationId": "issueCreditNote",
    "summary": "Issue a credit note",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "201": {
      "description": "The invoice after the credit note",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Invoice"
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
        "$ref": "#/components/schemas/CreditNoteInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/batch/invoices": {
   "post": {
    "operationId": "upsertInvoicesBatch",
    "summary": "ERP batch upsert of invoices by external_id",
    "tags": [
     "Invoices"
    ],
    "responses": {
     "200": {
      "description": "Per-item results",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BatchResult"
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
    "parameters": [
     {
      "$ref": "#/components/parameters/IdempotencyKey"
     },
     {
      "name": "atomic",
      "in": "query",
      "description": "true: all items or none.",
      "schema": {
       "type": "boolean",
       "default": false
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/InvoiceBatchInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/receivables/ageing": {
   "get": {
    "operationId": "getAgeing",
    "summary": "Ageing buckets per customer and in total",
    "tags": [
     "Receivables"
    ],
    "responses": {
     "200": {
      "description": "Open balances by days past due",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Ageing"
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
      "name": "as_of",
      "in": "query",
      "description": "Report date (YYYY-MM-DD; default today).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "$ref": "#/components/parameters/CustomerIdFilter"
     }
    ]
   }
  },
  "/api/v1/receivables/collection": {
   "get": {
    "operationId": "getCollectionList",
    "summary": "Collection work list",
    "tags": [
     "Receivables"
    ],
    "responses": {
     "200": {
      "description": "Customers by overdue amount, then days past due",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CollectionList"
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
      "name": "as_of",
      "in": "query",
      "description": "Report date (YYYY-MM-DD; default today).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "$ref": "#/components/parameters/Limit"
     }
    ]
   }
  },
  "/api/v1/customers/{id}/balance": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The customer id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "get": {
    "operationId": "getCustomerBalance",
    "summary": "A customer's open balance (portal: its own)",
    "tags": [
     "Receivables"
    ],
    "responses": {
     "200": {
      "description": "Balance and open invoices",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CustomerBalance"
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
      "name": "as_of",
      "in": "query",
      "description": "Report date (YYYY-MM-DD; default today).",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ]
   }
  },
  "/api/v1/customers/{id}/credit-limit": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "The customer id.",
     "schema": {
      "type": "integer",
      "minimum": 1
     }
    }
   ],
   "get": {
    "operationId": "getCreditLimit",
    "summary": "A customer's credit limit and exposure",
    "tags": [
     "Receivables"
    ],
    "responses": {
     "200": {
      "description": "Limit, exposure, available and a warning for `additional`",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CreditLimit"
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
      "name": "additional",
      "in": "query",
      "description": "An amount of new business to check against the limit.",
      "schema": {
       "type": "string",
       "examples": [
        "250.00"
       ]
      }
     }
    ]
   },
   "put": {
    "operationId": "setCreditLimit",
    "summary": "Set or remove a customer's credit limit",
    "tags": [
     "Receivables"
    ],
    "responses": {
     "200": {
      "description": "The limit",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CreditLimit"
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
        "$ref": "#/components/schemas/CreditLimitInput"
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "Opportunity": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "customer_id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "amount": {
      "$ref": "#/components/schemas/Money"
     },
     "owner_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "expected_close": {
      "type": "string",
      "format": "date"
     },
     "stage": {
      "type": "string",
      "enum": [
       "need_collection",
       "solution_design",
       "selling",
       "follow_up",
       "won",
       "lost"
      ]
     },
     "probability": {
      "type": "integer"
     },
     "weighted_amount": {
      "$ref": "#/components/schemas/Money"
     },
     "stage_since": {
      "type": "string",
      "format": "date-time"
     },
     "days_in_stage": {
      "type": "integer"
     },
     "lost_reason": {
      "type": [
       "string",
       "null"
      ]
     },
     "closed_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
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
     "stage_history": {
      "type": "array",
      "description": "Only on GET of one opportunity.",
      "items": {
       "type": "object",
       "properties": {
        "stage": {
         "type": "string"
        },
        "entered_at": {
         "type": "string",
         "format": "date-time"
        },
        "left_at": {
         "type": [
          "string",
          "null"
         ],
         "format": "date-time"
        },
        "duration_ms": {
         "type": "integer"
        },
        "days": {
         "type": "number"
        },
        "actor": {
         "type": "string"
        }
       }
      }
     }
    },
    "required": [
     "id",
     "customer_id",
     "name",
     "amount",
     "expected_close",
     "stage",
     "version"
    ],
    "description": "An opportunity in the pipeline."
   },
   "OpportunityInput": {
    "type": "object",
    "properties": {
     "customer_id": {
      "type": "integer"
     },
     "name": {
      "type": "string",
      "maxLength": 200
     },
     "amount": {
      "$ref": "#/components/schemas/Money"
     },
     "owner_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "expected_close": {
      "type": "string",
      "format": "date"
     },
     "stage": {
      "type": "string",
      "enum": [
       "need_collection",
       "solution_design",
       "selling",
       "follow_up",
       "won",
       "lost"
      ]
     },
     "lost_reason": {
      "type": [
       "string",
       "null"
      ],
      "description": "Required when stage is lost."
     }
    },
    "description": "Create: customer_id, name, amount and expected_close are required. PATCH: a JSON merge patch of the same fields (not customer_id)."
   },
   "OpportunityList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Opportunity"
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
   "PipelineBoard": {
    "type": "object",
    "properties": {
     "stages": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "stage": {
         "type": "string",
         "enum": [
          "need_collection",
          "solution_design",
          "selling",
          "follow_up",
          "won",
          "lost"
         ]
        },
        "probability": {
         "type": "integer"
        },
        "count": {
         "type": "integer"
        },
        "totals": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "currency": {
            "type": "string"
           },
           "amount": {
            "type": "string"
           },
           "weighted_amount": {
            "type": "string"
           }
          }
         }
        }
       }
      }
     }
    }
   },
   "PipelineForecast": {
    "type": "object",
    "properties": {
     "group_by": {
      "type": "string"
     },
     "probabilities": {
      "type": "object",
      "additionalProperties": {
       "type": "integer"
      }
     },
     "data": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "group": {
         "type": "string"
        },
        "currency": {
         "type": "string"
        },
        "count": {
         "type": "integer"
        },
        "amount": {
         "type": "string"
        },
        "weighted_amount": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "StageProbabilities": {
    "type": "object",
    "properties": {
     "need_collection": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "solution_design": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "selling": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "follow_up": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "won": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "lost": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     }
    },
    "description": "Win probability in percent per stage (won 100 and lost 0 are fixed)."
   },
   "StageProbabilitiesInput": {
    "type": "object",
    "properties": {
     "need_collection": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "solution_design": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "selling": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "follow_up": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     }
    }
   },
   "Task": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "title": {
      "type": "string"
     },
     "notes": {
      "type": [
       "string",
       "null"
      ]
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "assignee_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "done"
      ]
     },
     "overdue": {
      "type": "boolean"
     },
     "customer_id": {
      "type": "integer"
     },
     "opportunity_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "done_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
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
     }
    },
    "required": [
     "id",
     "title",
     "due_at",
     "status",
     "customer_id",
     "version"
    ]
   },
   "TaskInput": {
    "type": "object",
    "properties": {
     "title": {
      "type": "string",
      "maxLength": 200
     },
     "notes": {
      "type": [
       "string",
       "null"
      ]
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "assignee_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "done"
      ]
     },
     "customer_id": {
      "type": "integer"
     },
     "opportunity_id": {
      "type": "integer"
     }
    },
    "description": "Create: title, due_at and customer_id or opportunity_id. PATCH: title, notes, due_at, assignee_id, status."
   },
   "TaskList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Task"
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
   "Invoice": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "number": {
      "type": "string",
      "examples": [
       "INV-000123"
      ]
     },
     "customer_id": {
      "type": "integer"
     },
     "order_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "external_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "total": {
      "$ref": "#/components/schemas/Money"
     },
     "paid": {
      "$ref": "#/components/schemas/Money"
     },
     "credited": {
      "$ref": "#/components/schemas/Money"
     },
     "balance": {
      "$ref": "#/components/schemas/Money"
     },
     "issued_at": {
      "type": "string",
      "format": "date-time"
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "paid",
       "credited"
      ]
     },
     "overdue": {
      "type": "boolean"
     },
     "days_past_due": {
      "type": "integer"
     },
     "version": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "lines": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "position": {
         "type": "integer"
        },
        "description": {
         "type": "string"
        },
        "quantity": {
         "type": "integer"
        },
        "unit_price": {
         "$ref": "#/components/schemas/Money"
        },
        "amount": {
         "$ref": "#/components/schemas/Money"
        }
       }
      }
     },
     "payments": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "amount": {
         "$ref": "#/components/schemas/Money"
        },
        "paid_at": {
         "type": "string",
         "format": "date-time"
        },
        "method": {
         "type": [
          "string",
          "null"
         ]
        },
        "reference": {
         "type": [
          "string",
          "null"
         ]
        }
       }
      }
     },
     "credit_notes": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "amount": {
         "$ref": "#/components/schemas/Money"
        },
        "reason": {
         "type": "string"
        },
        "issued_at": {
         "type": "string",
         "format": "date-time"
        }
       }
      }
     }
    },
    "required": [
     "id",
     "number",
     "customer_id",
     "total",
     "balance",
     "status"
    ]
   },
   "InvoiceInput": {
    "type": "object",
    "properties": {
     "customer_id": {
      "type": "integer"
     },
     "currency": {
      "type": "string"
     },
     "issued_at": {
      "type": "string",
      "format": "date-time"
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "external_id": {
      "type": "string"
     },
     "lines": {
      "type": "array",
      "minItems": 1,
      "items": {
       "type": "object",
       "properties": {
        "description": {
         "type": "string"
        },
        "quantity": {
         "type": "integer",
         "minimum": 1
        },
        "unit_price": {
         "type": "string",
         "examples": [
          "12.50"
         ]
        }
       },
       "required": [
        "description",
        "quantity",
        "unit_price"
       ]
      }
     }
    },
    "required": [
     "customer_id",
     "currency",
     "lines"
    ],
    "description": "due_at defaults to issued_at + 30 days."
   },
   "InvoiceFromOrderInput": {
    "type": "object",
    "properties": {
     "issued_at": {
      "type": "string",
      "format": "date-time"
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "terms_days": {
      "type": "integer",
      "minimum": 0,
      "maximum": 3650
     }
    }
   },
   "InvoiceList": {
    "type": "object",
    "required": [
     "data",
     "next_cursor"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Invoice"
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
   "PaymentInput": {
    "type": "object",
    "properties": {
     "amount": {
      "$ref": "#/components/schemas/Money"
     },
     "paid_at": {
      "type": "string",
      "format": "date-time"
     },
     "method": {
      "type": "string"
     },
     "reference": {
      "type": "string"
     }
    },
    "required": [
     "amount"
    ],
    "description": "At most the open balance, in the invoice's currency."
   },
   "CreditNoteInput": {
    "type": "object",
    "properties": {
     "amount": {
      "$ref": "#/components/schemas/Money"
     },
     "reason": {
      "type": "string"
     },
     "issued_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "amount",
     "reason"
    ]
   },
   "InvoiceBatchInput": {
    "type": "object",
    "properties": {
     "items": {
      "type": "array",
      "minItems": 1,
      "maxItems": 500,
      "items": {
       "type": "object",
       "properties": {
        "external_id": {
         "type": "string"
        },
        "customer_id": {
         "type": "integer"
        },
        "customer_external_id": {
         "type": "object",
         "properties": {
          "system": {
           "type": "string"
          },
          "value": {
           "type": "string"
          }
         }
        },
        "currency": {
         "type": "string"
        },
        "issued_at": {
         "type": "string",
         "format": "date-time"
        },
        "due_at": {
         "type": "string",
         "format": "date-time"
        },
        "lines": {
         "type": "array",
         "items": {
          "type": "object"
         }
        }
       },
       "required": [
        "external_id"
       ]
      }
     }
    },
    "required": [
     "items"
    ]
   },
   "Ageing": {
    "type": "object",
    "properties": {
     "as_of": {
      "type": "string",
      "format": "date"
     },
     "totals": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "current": {
         "type": "string"
        },
        "1_30": {
         "type": "string"
        },
        "31_60": {
         "type": "string"
        },
        "61_90": {
         "type": "string"
        },
        "90_plus": {
         "type": "string"
        },
        "overdue": {
         "type": "string"
        },
        "total": {
         "type": "string"
        },
        "currency": {
         "type": "string"
        }
       }
      }
     },
     "customers": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "current": {
         "type": "string"
        },
        "1_30": {
         "type": "string"
        },
        "31_60": {
         "type": "string"
        },
        "61_90": {
         "type": "string"
        },
        "90_plus": {
         "type": "string"
        },
        "overdue": {
         "type": "string"
        },
        "total": {
         "type": "string"
        },
        "currency": {
         "type": "string"
        },
        "customer_id": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "CollectionList": {
    "type": "object",
    "properties": {
     "as_of": {
      "type": "string",
      "format": "date"
     },
     "data": {
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
        "overdue": {
         "$ref": "#/components/schemas/Money"
        },
        "max_days_past_due": {
         "type": "integer"
        },
        "overdue_invoices": {
         "type": "integer"
        },
        "credit_limit": {
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
      }
     }
    }
   },
   "CustomerBalance": {
    "type": "object",
    "properties": {
     "customer_id": {
      "type": "integer"
     },
     "as_of": {
      "type": "string",
      "format": "date"
     },
     "balances": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "current": {
         "type": "string"
        },
        "1_30": {
         "type": "string"
        },
        "31_60": {
         "type": "string"
        },
        "61_90": {
         "type": "string"
        },
        "90_plus": {
         "type": "string"
        },
        "overdue": {
         "type": "string"
        },
        "total": {
         "type": "string"
        },
        "currency": {
         "type": "string"
        }
       }
      }
     },
     "open_invoices": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "number": {
         "type": "string"
        },
        "balance": {
         "$ref": "#/components/schemas/Money"
        },
        "due_at": {
         "type": "string",
         "format": "date-time"
        },
        "days_past_due": {
         "type": "integer"
        }
       }
      }
     }
    }
   },
   "CreditLimit": {
    "type": "object",
    "properties": {
     "customer_id": {
      "type": "integer"
     },
     "credit_limit": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Money"
       },
       {
        "type": "null"
       }
      ]
     },
     "exposure": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Money"
       },
       {
        "type": "null"
       }
      ]
     },
     "available": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Money"
       },
       {
        "type": "null"
       }
      ]
     },
     "warning": {
      "oneOf": [
       {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "message": {
          "type": "string"
         },
         "credit_limit": {
          "$ref": "#/components/schemas/Money"
         },
         "exposure": {
          "$ref": "#/components/schemas/Money"
         },
         "additional": {
          "$ref": "#/components/schemas/Money"
         }
        }
       },
       {
        "type": "null"
       }
      ]
     }
    }
   },
   "CreditLimitInput": {
    "type": "object",
    "properties": {
     "credit_limit": {
      "oneOf": [
       {
        "$ref": "#/components/schemas/Money"
       },
       {
        "type": "null"
       }
      ]
     }
    },
    "required": [
     "credit_limit"
    ]
   }
  }
 }
})openapi";
}

}  // namespace chaincrm::api::openapi
