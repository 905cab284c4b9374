#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// Products, configurations, orders, shipments, reports and ERP batches (one block of
// paths; invoice and receivables paths are appended after it).
std::string_view Sales() {
  return R"openapi({
 "tags": [
  {
   "name": "Products",
   "description": "Products, the module library of configurable products, and the configurator."
  },
  {
   "name": "Orders",
   "description": "Quotes and orders, deliveries, Perfect Order measures."
  },
  {
   "name": "Shipments",
   "description": "Shipments, tracking events, delivery performance."
  },
  {
   "name": "ERP batches",
   "description": "Batch upserts keyed by the ERP's external ids."
  }
 ],
 "paths": {
  "/api/v1/products": {
   "get": {
    "operationId": "listProducts",
    "summary": "List products",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "Products by id",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ProductList"
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
      "name": "include_inactive",
      "in": "query",
      "description": "Include deactivated products.",
      "schema": {
       "type": "boolean"
      }
     }
    ]
   },
   "post": {
    "operationId": "createProduct",
    "summary": "Create a product (with its option groups and rules)",
    "tags": [
     "Products"
    ],
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       },
       "Location": {
        "description": "URL of the new record.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Product"
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
        "$ref": "#/components/schemas/ProductInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/products/{id}": {
   "get": {
    "operationId": "getProduct",
    "summary": "Get a product",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "The product",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Product"
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
      "description": "Product id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "patch": {
    "operationId": "patchProduct",
    "summary": "Update a product (JSON merge patch; option_groups and rules replace the lists)",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "Updated",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Product"
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
      "description": "Product id.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "If-Match",
      "in": "header",
      "required": true,
      "description": "ETag from GET.",
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
        "$ref": "#/components/schemas/ProductInput"
       }
      }
     }
    }
   },
   "delete": {
    "operationId": "deactivateProduct",
    "summary": "Deactivate a product",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "Deactivated",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Product"
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
      "description": "Product id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/products/{id}/configurations": {
   "post": {
    "operationId": "configureProduct",
    "summary": "Validate, price and (optionally) store a configuration",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "Valid and priced, not stored",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Configuration"
        }
       }
      }
     },
     "201": {
      "description": "Valid, priced and stored for the customer",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "Location": {
        "description": "URL of the new record.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Configuration"
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
    "description": "A broken rule is a 422 whose detail names the rule and whose errors[] has field `rules.<rule name>`.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Product id.",
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
        "$ref": "#/components/schemas/ConfigurationInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/configurations/{id}": {
   "get": {
    "operationId": "getConfiguration",
    "summary": "Get a stored configuration",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "The configuration",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Configuration"
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
      "description": "Configuration id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/customers/{id}/configurations": {
   "get": {
    "operationId": "listCustomerConfigurations",
    "summary": "A customer's stored configurations, newest first",
    "tags": [
     "Products"
    ],
    "responses": {
     "200": {
      "description": "Configurations",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfigurationList"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Customer id.",
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
   }
  },
  "/api/v1/orders": {
   "get": {
    "operationId": "listOrders",
    "summary": "List orders and quotes, newest first",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "Orders",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/OrderList"
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
      "name": "filter[kind]",
      "in": "query",
      "description": "order or quote.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "filter[status]",
      "in": "query",
      "description": "draft, converted, open, partially_delivered, delivered, cancelled.",
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
    "operationId": "createOrder",
    "summary": "Create an order or a quote",
    "tags": [
     "Orders"
    ],
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       },
       "Location": {
        "description": "URL of the new record.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
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
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/OrderInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/orders/{id}": {
   "get": {
    "operationId": "getOrder",
    "summary": "Get an order with lines, deliveries, Perfect Order components and shipments",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "The order",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
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
      "description": "Order id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/orders/{id}/convert": {
   "post": {
    "operationId": "convertQuote",
    "summary": "Convert a draft quote to an order (number SO-…)",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "Converted",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
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
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Order id.",
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConvertInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/orders/{id}/cancel": {
   "post": {
    "operationId": "cancelOrder",
    "summary": "Cancel an order without deliveries",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "Cancelled",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
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
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Order id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/orders/{id}/deliveries": {
   "post": {
    "operationId": "recordDelivery",
    "summary": "Record a delivery of order lines (posts to the purchases ledger once per delivery key)",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "The order after the delivery",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "ETag": {
        "description": "The record's version, for If-Match.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Order"
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
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "Order id.",
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
        "$ref": "#/components/schemas/DeliveryInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/shipments": {
   "get": {
    "operationId": "listShipments",
    "summary": "List shipments, newest first",
    "tags": [
     "Shipments"
    ],
    "responses": {
     "200": {
      "description": "Shipments",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ShipmentList"
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
      "name": "filter[order_id]",
      "in": "query",
      "description": "Shipments of this order.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "filter[carrier]",
      "in": "query",
      "description": "Shipments of this carrier.",
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
    "operationId": "createShipment",
    "summary": "Create a shipment of an order (number SH-…)",
    "tags": [
     "Shipments"
    ],
    "responses": {
     "201": {
      "description": "Created",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       },
       "Location": {
        "description": "URL of the new record.",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Shipment"
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
        "$ref": "#/components/schemas/ShipmentInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/shipments/{id}": {
   "get": {
    "operationId": "getShipment",
    "summary": "Get a shipment with its tracking events",
    "tags": [
     "Shipments"
    ],
    "responses": {
     "200": {
      "description": "The shipment",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Shipment"
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
      "description": "Shipment id.",
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/v1/shipments/{id}/events": {
   "post": {
    "operationId": "addShipmentEvent",
    "summary": "Add a tracking event (scanner, RFID, GPS); idempotent by event_id",
    "tags": [
     "Shipments"
    ],
    "responses": {
     "201": {
      "description": "Event recorded",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Shipment"
        }
       }
      }
     },
     "200": {
      "description": "Repeated event_id: nothing changed",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Shipment"
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
      "description": "Shipment id.",
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
        "$ref": "#/components/schemas/ShipmentEventInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/reports/perfect-order": {
   "get": {
    "operationId": "perfectOrderReport",
    "summary": "Perfect Order report (APQC index, SCOR rate, components, fill and backorder rates, cycle time)",
    "tags": [
     "Orders"
    ],
    "responses": {
     "200": {
      "description": "The report",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/PerfectOrderReport"
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
      "description": "Orders placed on or after (date or RFC 3339).",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Orders placed before (date or RFC 3339).",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "group_by",
      "in": "query",
      "description": "customer, segment, carrier or month.",
      "schema": {
       "type": "string",
       "enum": [
        "customer",
        "segment",
        "carrier",
        "month"
       ]
      }
     },
     {
      "$ref": "#/components/parameters/CustomerIdFilter"
     }
    ]
   }
  },
  "/api/v1/reports/delivery-performance": {
   "get": {
    "operationId": "deliveryPerformance",
    "summary": "Delivery performance of shipments per carrier or customer",
    "tags": [
     "Shipments"
    ],
    "responses": {
     "200": {
      "description": "The report",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/DeliveryPerformance"
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
      "description": "Shipped on or after.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "description": "Shipped before.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "group_by",
      "in": "query",
      "description": "carrier (default) or customer.",
      "schema": {
       "type": "string",
       "enum": [
        "carrier",
        "customer"
       ]
      }
     }
    ]
   }
  },
  "/api/v1/batch/products": {
   "post": {
    "operationId": "batchProducts",
    "summary": "ERP batch upsert of products keyed by external_id",
    "tags": [
     "ERP batches"
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
      "description": "true: all items or none (a bad item fails the call with 422).",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BatchInput"
       }
      }
     }
    }
   }
  },
  "/api/v1/batch/orders": {
   "post": {
    "operationId": "batchOrders",
    "summary": "ERP batch upsert of orders keyed by external_id",
    "tags": [
     "ERP batches"
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
      "description": "true: all items or none (a bad item fails the call with 422).",
      "schema": {
       "type": "boolean"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BatchInput"
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "ProductInput": {
    "type": "object",
    "properties": {
     "sku": {
      "type": "string"
     },
     "name": {
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
     "price": {
      "$ref": "#/components/schemas/Money"
     },
     "cost": {
      "$ref": "#/components/schemas/Money"
     },
     "lead_time_days": {
      "type": "integer"
     },
     "external_id": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "active": {
      "type": "boolean"
     },
     "option_groups": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "kind": {
         "type": "string",
         "enum": [
          "choice",
          "measurement"
         ]
        },
        "required": {
         "type": "boolean"
        },
        "min": {
         "type": "number"
        },
        "max": {
         "type": "number"
        },
        "options": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "code": {
            "type": "string"
           },
           "name": {
            "type": "string"
           },
           "price_delta": {
            "type": "string"
           },
           "cost_delta": {
            "type": "string"
           },
           "lead_time_delta_days": {
            "type": "integer"
           }
          },
          "required": [
           "code"
          ]
         }
        }
       },
       "required": [
        "code"
       ]
      }
     },
     "rules": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "name": {
         "type": "string"
        },
        "kind": {
         "type": "string",
         "enum": [
          "excludes",
          "requires"
         ]
        },
        "if": {
         "type": "object",
         "properties": {
          "group": {
           "type": "string"
          },
          "option": {
           "type": "string"
          }
         },
         "required": [
          "group",
          "option"
         ]
        },
        "then": {
         "type": "object",
         "properties": {
          "group": {
           "type": "string"
          },
          "options": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "required": [
          "group",
          "options"
         ]
        }
       },
       "required": [
        "name",
        "kind",
        "if",
        "then"
       ]
      }
     }
    }
   },
   "Product": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "sku": {
      "type": "string"
     },
     "name": {
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
     "price": {
      "$ref": "#/components/schemas/Money"
     },
     "cost": {
      "$ref": "#/components/schemas/Money"
     },
     "lead_time_days": {
      "type": "integer"
     },
     "external_id": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "active": {
      "type": "boolean"
     },
     "option_groups": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "kind": {
         "type": "string",
         "enum": [
          "choice",
          "measurement"
         ]
        },
        "required": {
         "type": "boolean"
        },
        "min": {
         "type": "number"
        },
        "max": {
         "type": "number"
        },
        "options": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "code": {
            "type": "string"
           },
           "name": {
            "type": "string"
           },
           "price_delta": {
            "type": "string"
           },
           "cost_delta": {
            "type": "string"
           },
           "lead_time_delta_days": {
            "type": "integer"
           }
          },
          "required": [
           "code"
          ]
         }
        }
       },
       "required": [
        "code"
       ]
      }
     },
     "rules": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "name": {
         "type": "string"
        },
        "kind": {
         "type": "string",
         "enum": [
          "excludes",
          "requires"
         ]
        },
        "if": {
         "type": "object",
         "properties": {
          "group": {
           "type": "string"
          },
          "option": {
           "type": "string"
          }
         },
         "required": [
          "group",
          "option"
         ]
        },
        "then": {
         "type": "object",
         "properties": {
          "group": {
           "type": "string"
          },
          "options": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "required": [
          "group",
          "options"
         ]
        }
       },
       "required": [
        "name",
        "kind",
        "if",
        "then"
       ]
      }
     },
     "configurable": {
      "type": "boolean"
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
     "sku",
     "name",
     "price",
     "version"
    ]
   },
   "ProductList": {
    "type": "object",
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Product"
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
      ]
     }
    },
    "required": [
     "data",
     "next_cursor"
    ]
   },
   "ConfigurationInput": {
    "type": "object",
    "properties": {
     "options": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "measurements": {
      "type": "object",
      "additionalProperties": {
       "type": "number"
      }
     },
     "customer_id": {
      "type": "integer"
     },
     "save": {
      "type": "boolean"
     }
    }
   },
   "Configuration": {
    "type": "object",
    "properties": {
     "id": {
      "oneOf": [
       {
        "type": "integer"
       },
       {
        "type": "null"
       }
      ]
     },
     "product_id": {
      "type": "integer"
     },
     "customer_id": {
      "oneOf": [
       {
        "type": "integer"
       },
       {
        "type": "null"
       }
      ]
     },
     "options": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "measurements": {
      "type": "object",
      "additionalProperties": {
       "type": "number"
      }
     },
     "unit_price": {
      "$ref": "#/components/schemas/Money"
     },
     "base_price": {
      "$ref": "#/components/schemas/Money"
     },
     "lead_time_days": {
      "type": "integer"
     },
     "valid": {
      "type": "boolean"
     },
     "saved": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "ConfigurationList": {
    "type": "object",
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Configuration"
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
      ]
     }
    },
    "required": [
     "data",
     "next_cursor"
    ]
   },
   "OrderLineInput": {
    "type": "object",
    "properties": {
     "product_id": {
      "type": "integer"
     },
     "sku": {
      "type": "string"
     },
     "product_external_id": {
      "type": "string"
     },
     "configuration_id": {
      "type": "integer"
     },
     "quantity": {
      "type": "integer",
      "minimum": 1
     },
     "unit_price": {
      "type": "string"
     },
     "discount_percent": {
      "type": "number",
      "minimum": 0,
      "maximum": 100
     }
    },
    "required": [
     "quantity"
    ]
   },
   "OrderInput": {
    "type": "object",
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "order",
       "quote"
      ]
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
      },
      "required": [
       "system",
       "value"
      ]
     },
     "external_id": {
      "type": "string"
     },
     "ordered_at": {
      "type": "string",
      "format": "date-time"
     },
     "promised_date": {
      "type": "string",
      "format": "date"
     },
     "carrier": {
      "type": "string"
     },
     "notes": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "cancelled"
      ]
     },
     "lines": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/OrderLineInput"
      }
     }
    },
    "required": [
     "lines"
    ]
   },
   "OrderSummary": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "kind": {
      "type": "string"
     },
     "number": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "quote_number": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "customer_id": {
      "type": "integer"
     },
     "status": {
      "type": "string"
     },
     "total": {
      "$ref": "#/components/schemas/Money"
     },
     "ordered_at": {
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
     "promised_date": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "carrier": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "external_id": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "notes": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
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
    }
   },
   "Order": {
    "allOf": [
     {
      "$ref": "#/components/schemas/OrderSummary"
     },
     {
      "type": "object",
      "properties": {
       "lines": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "id": {
           "type": "integer"
          },
          "line_no": {
           "type": "integer"
          },
          "product_id": {
           "type": "integer"
          },
          "configuration_id": {
           "oneOf": [
            {
             "type": "integer"
            },
            {
             "type": "null"
            }
           ]
          },
          "sku": {
           "type": "string"
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
          "discount_percent": {
           "type": "number"
          },
          "line_total": {
           "$ref": "#/components/schemas/Money"
          },
          "delivered_quantity": {
           "type": "integer"
          },
          "fulfilments": {
           "type": "array",
           "items": {
            "type": "object"
           }
          },
          "perfect_order": {
           "oneOf": [
            {
             "type": "object",
             "properties": {
              "on_time": {
               "type": "boolean"
              },
              "in_full": {
               "type": "boolean"
              },
              "damage_free": {
               "type": "boolean"
              },
              "documentation": {
               "type": "boolean"
              },
              "perfect": {
               "type": "boolean"
              }
             }
            },
            {
             "type": "null"
            }
           ]
          }
         }
        }
       },
       "perfect_order": {
        "oneOf": [
         {
          "type": "object"
         },
         {
          "type": "null"
         }
        ]
       },
       "shipments": {
        "type": "array",
        "items": {
         "type": "object"
        }
       },
       "warnings": {
        "type": "array",
        "items": {
         "type": "object"
        }
       },
       "delivery": {
        "type": "object"
       }
      }
     }
    ]
   },
   "OrderList": {
    "type": "object",
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/OrderSummary"
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
      ]
     }
    },
    "required": [
     "data",
     "next_cursor"
    ]
   },
   "ConvertInput": {
    "type": "object",
    "properties": {
     "ordered_at": {
      "type": "string",
      "format": "date-time"
     },
     "promised_date": {
      "type": "string",
      "format": "date"
     }
    }
   },
   "DeliveryInput": {
    "type": "object",
    "properties": {
     "delivery_id": {
      "type": "string"
     },
     "shipment_id": {
      "type": "integer"
     },
     "delivered_at": {
      "type": "string",
      "format": "date-time"
     },
     "shipped_at": {
      "type": "string",
      "format": "date-time"
     },
     "lines": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "line_id": {
         "type": "integer"
        },
        "delivered_quantity": {
         "type": "integer",
         "minimum": 1
        },
        "shipped_quantity": {
         "type": "integer"
        },
        "damaged": {
         "type": "boolean"
        },
        "documents_ok": {
         "type": "boolean"
        }
       },
       "required": [
        "line_id",
        "delivered_quantity"
       ]
      }
     }
    },
    "required": [
     "delivered_at",
     "lines"
    ]
   },
   "ShipmentInput": {
    "type": "object",
    "properties": {
     "order_id": {
      "type": "integer"
     },
     "carrier": {
      "type": "string"
     },
     "tracking_number": {
      "type": "string"
     },
     "shipped_at": {
      "type": "string",
      "format": "date-time"
     }
    },
    "required": [
     "order_id",
     "carrier"
    ]
   },
   "Shipment": {
    "type": "object",
    "properties": {
     "id": {
      "type": "integer"
     },
     "number": {
      "type": "string"
     },
     "order_id": {
      "type": "integer"
     },
     "order_number": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "customer_id": {
      "type": "integer"
     },
     "carrier": {
      "type": "string"
     },
     "tracking_number": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "status": {
      "type": "string"
     },
     "shipped_at": {
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
     "delivered_at": {
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
     "last_event_at": {
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
     "last_place": {
      "oneOf": [
       {
        "type": "string"
       },
       {
        "type": "null"
       }
      ]
     },
     "events": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "event_id": {
         "oneOf": [
          {
           "type": "string"
          },
          {
           "type": "null"
          }
         ]
        },
        "occurred_at": {
         "type": "string",
         "format": "date-time"
        },
        "place": {
         "oneOf": [
          {
           "type": "string"
          },
          {
           "type": "null"
          }
         ]
        },
        "status": {
         "type": "string"
        },
        "source": {
         "oneOf": [
          {
           "type": "string"
          },
          {
           "type": "null"
          }
         ]
        }
       }
      }
     },
     "created": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "ShipmentList": {
    "type": "object",
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Shipment"
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
      ]
     }
    },
    "required": [
     "data",
     "next_cursor"
    ]
   },
   "ShipmentEventInput": {
    "type": "object",
    "properties": {
     "event_id": {
      "type": "string"
     },
     "occurred_at": {
      "type": "string",
      "format": "date-time"
     },
     "place": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "picked_up",
       "in_transit",
       "out_for_delivery",
       "delivered",
       "exception",
       "returned"
      ]
     },
     "source": {
      "type": "string",
      "enum": [
       "scanner",
       "rfid",
       "gps",
       "carrier",
       "manual"
      ]
     }
    },
    "required": [
     "occurred_at",
     "status"
    ]
   },
   "PerfectOrderMeasures": {
    "type": "object",
    "properties": {
     "on_time": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "in_full": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "damage_free": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "documentation": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "poi": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "scor": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "perfect_order_rate": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "fill_rate": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "backorder_rate": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "cycle_time_days": {
      "oneOf": [
       {
        "type": "number"
       },
       {
        "type": "null"
       }
      ]
     },
     "orders": {
      "type": "integer"
     },
     "lines": {
      "type": "integer"
     },
     "perfect_orders": {
      "type": "integer"
     }
    }
   },
   "PerfectOrderReport": {
    "type": "object",
    "properties": {
     "from": {
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
     "to": {
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
     "total": {
      "$ref": "#/components/schemas/PerfectOrderMeasures"
     },
     "groups": {
      "type": "array",
      "items": {
       "allOf": [
        {
         "$ref": "#/components/schemas/PerfectOrderMeasures"
        },
        {
         "type": "object",
         "properties": {
          "key": {
           "type": "string"
          }
         }
        }
       ]
      }
     }
    }
   },
   "DeliveryPerformance": {
    "type": "object",
    "properties": {
     "group_by": {
      "type": "string"
     },
     "data": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "carrier": {
         "type": "string"
        },
        "customer": {
         "type": "string"
        },
        "shipments": {
         "type": "integer"
        },
        "delivered": {
         "type": "integer"
        },
        "on_time": {
         "type": "integer"
        },
        "on_time_rate": {
         "oneOf": [
          {
           "type": "number"
          },
          {
           "type": "null"
          }
         ]
        },
        "mean_transit_days": {
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
      }
     }
    }
   },
   "BatchInput": {
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
   "BatchResult": {
    "type": "object",
    "properties": {
     "atomic": {
      "type": "boolean"
     },
     "items": {
      "type": "integer"
     },
     "written": {
      "type": "integer"
     },
     "failed": {
      "type": "integer"
     },
     "results": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "index": {
         "type": "integer"
        },
        "external_id": {
         "type": "string"
        },
        "status": {
         "type": "string",
         "enum": [
          "created",
          "updated",
          "error"
         ]
        },
        "id": {
         "type": "integer"
        },
        "error": {
         "type": "object"
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
