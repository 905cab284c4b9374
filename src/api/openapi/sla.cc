#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

// Business calendars, SLA policies, the SLA sweep and notifications, the volume forecast.
std::string_view Sla() {
  return R"openapi({
 "tags": [
  {
   "name": "Service levels",
   "description": "Business calendars, SLA policies, escalation sweeps, volume forecast and staffing."
  }
 ],
 "paths": {
  "/api/v1/service/calendars": {
   "get": {
    "operationId": "listBusinessCalendars",
    "summary": "List business calendars",
    "tags": [
     "Service levels"
    ],
    "responses": {
     "200": {
      "description": "Every business calendar",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BusinessCalendarList"
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
    "operationId": "createBusinessCalendar",
    "summary": "Create a business calendar",
    "tags": [
     "Service levels"
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/BusinessCalendarInput"
       }
      }
     }
    },
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
        "description": "The new record",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/BusinessCalendar"
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
    }
   }
  },
  "/api/v1/service/calendars/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "Business calendar id.",
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "getBusinessCalendar",
    "summary": "Get a business calendar",
    "tags": [
     "Service levels"
    ],
    "responses": {
     "200": {
      "description": "The business calendar",
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
         "$ref": "#/components/schemas/BusinessCalendar"
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
    "operationId": "updateBusinessCalendar",
    "summary": "Change a business calendar (merge)",
    "tags": [
     "Service levels"
    ],
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
        "$ref": "#/components/schemas/BusinessCalendarInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Changed",
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
         "$ref": "#/components/schemas/BusinessCalendar"
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
     "412": {
      "$ref": "#/components/responses/PreconditionFailed"
     },
     "428": {
      "$ref": "#/components/responses/PreconditionRequired"
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
   },
   "delete": {
    "operationId": "deleteBusinessCalendar",
    "summary": "Delete a business calendar",
    "tags": [
     "Service levels"
    ],
    "description": "409 while an SLA policy uses it or when it is the default calendar.",
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
     },
     "409": {
      "$ref": "#/components/responses/Conflict"
     }
    }
   }
  },
  "/api/v1/service/sla/policies": {
   "get": {
    "operationId": "listSlaPolicys",
    "summary": "List SLA policys",
    "tags": [
     "Service levels"
    ],
    "responses": {
     "200": {
      "description": "Every SLA policy",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SlaPolicyList"
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
    "operationId": "createSlaPolicy",
    "summary": "Create a SLA policy",
    "tags": [
     "Service levels"
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SlaPolicyInput"
       }
      }
     }
    },
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
        "description": "The new record",
        "schema": {
         "type": "string"
        }
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SlaPolicy"
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
    }
   }
  },
  "/api/v1/service/sla/policies/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "description": "Sla policy id.",
     "schema": {
      "type": "string"
     }
    }
   ],
   "get": {
    "operationId": "getSlaPolicy",
    "summary": "Get a SLA policy",
    "tags": [
     "Service levels"
    ],
    "responses": {
     "200": {
      "description": "The SLA policy",
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
         "$ref": "#/components/schemas/SlaPolicy"
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
    "operationId": "updateSlaPolicy",
    "summary": "Change a SLA policy (merge)",
    "tags": [
     "Service levels"
    ],
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
        "$ref": "#/components/schemas/SlaPolicyInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Changed",
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
         "$ref": "#/components/schemas/SlaPolicy"
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
     "412": {
      "$ref": "#/components/responses/PreconditionFailed"
     },
     "428": {
      "$ref": "#/components/responses/PreconditionRequired"
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
   },
   "delete": {
    "operationId": "deleteSlaPolicy",
    "summary": "Delete a SLA policy",
    "tags": [
     "Service levels"
    ],
    "description": "Cases keep their due times.",
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
     },
     "409": {
      "$ref": "#/components/responses/Conflict"
     }
    }
   }
  },
  "/api/v1/service/sla/sweep": {
   "post": {
    "operationId": "runSlaSweep",
    "summary": "Run one SLA sweep now (admin, manager)",
    "tags": [
     "Service levels"
    ],
    "description": "Warns about cases past their warning instant and escalates breached cases exactly once per breach: priority one step up, reassigned to the policy's escalation owner and queue, a notification and a change-log entry.",
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SlaSweepRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "What the sweep did",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SlaSweepResult"
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
  "/api/v1/service/sla/notifications": {
   "get": {
    "operationId": "listSlaNotifications",
    "summary": "SLA notifications, newest first",
    "tags": [
     "Service levels"
    ],
    "parameters": [
     {
      "name": "case_id",
      "in": "query",
      "description": "Only notifications about this case.",
      "schema": {
       "type": "string"
      }
     },
     {
      "$ref": "#/components/parameters/Limit"
     }
    ],
    "responses": {
     "200": {
      "description": "Notifications",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SlaNotificationList"
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
  "/api/v1/service/forecast": {
   "get": {
    "operationId": "getServiceForecast",
    "summary": "Hourly volume forecast and agents needed (Holt-Winters, Erlang C)",
    "tags": [
     "Service levels"
    ],
    "parameters": [
     {
      "name": "source",
      "in": "query",
      "description": "What to forecast.",
      "schema": {
       "type": "string",
       "enum": [
        "cases",
        "calls"
       ],
       "default": "cases"
      }
     },
     {
      "name": "weeks",
      "in": "query",
      "description": "Weeks to forecast (1-12).",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 12,
       "default": 4
      }
     },
     {
      "name": "history_weeks",
      "in": "query",
      "description": "At most this many past weeks are used (3-104).",
      "schema": {
       "type": "integer",
       "minimum": 3,
       "maximum": 104,
       "default": 12
      }
     },
     {
      "name": "target_level",
      "in": "query",
      "description": "Share of contacts answered within target_seconds.",
      "schema": {
       "type": "number",
       "default": 0.8
      }
     },
     {
      "name": "target_seconds",
      "in": "query",
      "description": "Target answer time.",
      "schema": {
       "type": "number",
       "default": 20
      }
     },
     {
      "name": "aht_seconds",
      "in": "query",
      "description": "Average handle time.",
      "schema": {
       "type": "number",
       "default": 300
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The forecast",
      "headers": {
       "X-Request-Id": {
        "$ref": "#/components/headers/XRequestId"
       }
      },
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceForecast"
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
   "BusinessCalendarInput": {
    "type": "object",
    "description": "Create: name and working_hours are required. A calendar with no working hours at all is rejected (422).",
    "properties": {
     "name": {
      "type": "string",
      "maxLength": 200
     },
     "time_zone": {
      "type": "string",
      "example": "Europe/Berlin",
      "description": "IANA time zone (default UTC)."
     },
     "working_hours": {
      "type": "object",
      "description": "Working hours per weekday in the calendar's time zone: \"HH:MM-HH:MM\" ranges separated by commas; empty, \"closed\" or missing is a closed day.",
      "properties": {
       "monday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "tuesday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "wednesday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "thursday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "friday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "saturday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "sunday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       }
      },
      "additionalProperties": false
     },
     "holidays": {
      "type": "array",
      "items": {
       "oneOf": [
        {
         "type": "string",
         "format": "date"
        },
        {
         "type": "object",
         "required": [
          "date"
         ],
         "properties": {
          "date": {
           "type": "string",
           "format": "date"
          },
          "name": {
           "type": "string"
          }
         }
        }
       ]
      }
     },
     "is_default": {
      "type": "boolean"
     }
    }
   },
   "BusinessCalendar": {
    "type": "object",
    "required": [
     "id",
     "name",
     "time_zone",
     "working_hours",
     "holidays",
     "is_default",
     "version"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "time_zone": {
      "type": "string"
     },
     "working_hours": {
      "type": "object",
      "description": "Working hours per weekday in the calendar's time zone: \"HH:MM-HH:MM\" ranges separated by commas; empty, \"closed\" or missing is a closed day.",
      "properties": {
       "monday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "tuesday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "wednesday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "thursday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "friday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "saturday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       },
       "sunday": {
        "type": "string",
        "example": "09:00-12:00,13:00-18:00"
       }
      },
      "additionalProperties": false
     },
     "holidays": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "date": {
         "type": "string",
         "format": "date"
        },
        "name": {
         "type": "string"
        }
       }
      }
     },
     "is_default": {
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
    }
   },
   "BusinessCalendarList": {
    "type": "object",
    "required": [
     "data"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/BusinessCalendar"
      }
     }
    }
   },
   "SlaPolicyInput": {
    "type": "object",
    "description": "Create: name, first_response_minutes and resolution_minutes are required; tier and priority default to any; one policy per (tier, priority).",
    "properties": {
     "name": {
      "type": "string"
     },
     "tier": {
      "type": "string",
      "enum": [
       "any",
       "key",
       "potential",
       "general",
       "large",
       "small"
      ]
     },
     "priority": {
      "type": "string",
      "enum": [
       "any",
       "low",
       "normal",
       "high",
       "urgent"
      ]
     },
     "calendar_id": {
      "type": "integer"
     },
     "first_response_minutes": {
      "type": "integer",
      "minimum": 1
     },
     "resolution_minutes": {
      "type": "integer",
      "minimum": 1
     },
     "warning_percent": {
      "type": "integer",
      "minimum": 1,
      "maximum": 99
     },
     "escalation_owner_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "escalation_queue": {
      "type": [
       "string",
       "null"
      ]
     }
    }
   },
   "SlaPolicy": {
    "type": "object",
    "required": [
     "id",
     "name",
     "tier",
     "priority",
     "calendar_id",
     "first_response_minutes",
     "resolution_minutes",
     "warning_percent",
     "version"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "tier": {
      "type": "string",
      "enum": [
       "any",
       "key",
       "potential",
       "general",
       "large",
       "small"
      ]
     },
     "priority": {
      "type": "string",
      "enum": [
       "any",
       "low",
       "normal",
       "high",
       "urgent"
      ]
     },
     "calendar_id": {
      "type": "integer"
     },
     "first_response_minutes": {
      "type": "integer"
     },
     "resolution_minutes": {
      "type": "integer"
     },
     "warning_percent": {
      "type": "integer"
     },
     "escalation_owner_id": {
      "type": [
       "integer",
       "null"
      ]
     },
     "escalation_queue": {
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
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "SlaPolicyList": {
    "type": "object",
    "required": [
     "data"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SlaPolicy"
      }
     }
    }
   },
   "SlaSweepRequest": {
    "type": "object",
    "properties": {
     "now": {
      "type": "string",
      "format": "date-time",
      "description": "The instant to sweep at (default: now)."
     },
     "case_ids": {
      "type": "array",
      "maxItems": 500,
      "items": {
       "type": "integer"
      },
      "description": "Only these cases."
     }
    }
   },
   "SlaSweepResult": {
    "type": "object",
    "required": [
     "now",
     "escalations",
     "warnings"
    ],
    "properties": {
     "now": {
      "type": "string",
      "format": "date-time"
     },
     "escalations": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "case_id": {
         "type": "integer"
        },
        "number": {
         "type": "string"
        },
        "breached": {
         "type": "array",
         "items": {
          "type": "string",
          "enum": [
           "first_response",
           "resolution"
          ]
         }
        },
        "priority_from": {
         "type": "string"
        },
        "priority_to": {
         "type": "string"
        },
        "owner_id": {
         "type": [
          "integer",
          "null"
         ]
        },
        "queue": {
         "type": [
          "string",
          "null"
         ]
        }
       }
      }
     },
     "warnings": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "case_id": {
         "type": "integer"
        },
        "number": {
         "type": "string"
        },
        "clocks": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "clock": {
            "type": "string"
           },
           "due": {
            "type": "string",
            "format": "date-time"
           }
          }
         }
        }
       }
      }
     }
    }
   },
   "SlaNotificationList": {
    "type": "object",
    "required": [
     "data"
    ],
    "properties": {
     "data": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "integer"
        },
        "user_id": {
         "type": [
          "integer",
          "null"
         ]
        },
        "kind": {
         "type": "string",
         "enum": [
          "sla_warning",
          "sla_breach"
         ]
        },
        "entity": {
         "type": "string"
        },
        "entity_id": {
         "type": "integer"
        },
        "message": {
         "type": "string"
        },
        "created_at": {
         "type": "string",
         "format": "date-time"
        },
        "read_at": {
         "type": [
          "string",
          "null"
         ],
         "format": "date-time"
        }
       }
      }
     }
    }
   },
   "ServiceForecast": {
    "type": "object",
    "required": [
     "source",
     "weeks",
     "model",
     "accuracy",
     "history"
    ],
    "properties": {
     "source": {
      "type": "string",
      "enum": [
       "cases",
       "calls"
      ]
     },
     "generated_at": {
      "type": "string",
      "format": "date-time"
     },
     "parameters": {
      "type": "object",
      "properties": {
       "weeks": {
        "type": "number"
       },
       "history_weeks": {
        "type": "number"
       },
       "target_level": {
        "type": "number"
       },
       "target_seconds": {
        "type": "number"
       },
       "aht_seconds": {
        "type": "number"
       }
      }
     },
     "history": {
      "type": "object",
      "properties": {
       "from": {
        "type": "string",
        "format": "date-time"
       },
       "to": {
        "type": "string",
        "format": "date-time"
       },
       "weeks": {
        "type": "integer"
       },
       "observations": {
        "type": "integer"
       }
      }
     },
     "model": {
      "type": "object",
      "properties": {
       "method": {
        "type": "string",
        "enum": [
         "holt_winters_additive",
         "seasonal_mean"
        ]
       },
       "period_hours": {
        "type": "integer"
       },
       "alpha": {
        "type": "number"
       },
       "beta": {
        "type": "number"
       },
       "gamma": {
        "type": "number"
       },
       "sse": {
        "type": "number"
       }
      }
     },
     "accuracy": {
      "type": [
       "object",
       "null"
      ],
      "description": "On the last week of history, held out; null with fewer than three weeks.",
      "properties": {
       "holdout_hours": {
        "type": "integer"
       },
       "mape": {
        "type": [
         "number",
         "null"
        ]
       },
       "mase": {
        "type": [
         "number",
         "null"
        ]
       },
       "rmse": {
        "type": [
         "number",
         "null"
        ]
       }
      }
     },
     "weeks": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "start": {
         "type": "string",
         "format": "date-time"
        },
        "end": {
         "type": "string",
         "format": "date-time"
        },
        "total_volume": {
         "type": "number"
        },
        "peak_agents": {
         "type": "integer"
        },
        "hours": {
         "type": "array",
         "minItems": 168,
         "maxItems": 168,
         "items": {
          "type": "object",
          "properties": {
           "start": {
            "type": "string",
            "format": "date-time"
           },
           "hour_of_week": {
            "type": "integer",
            "minimum": 0,
            "maximum": 167,
            "description": "0 is Monday 00:00 UTC."
           },
           "volume": {
            "type": "number"
           },
           "agents": {
            "type": "integer"
           },
           "service_level": {
            "type": "number"
           },
           "occupancy": {
            "type": "number"
           }
          }
         }
        }
       }
      }
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
})openapi";
}

}  // namespace chaincrm::api::openapi
