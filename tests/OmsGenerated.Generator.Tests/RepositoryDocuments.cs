using System.Collections.Generic;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// Documents this repository wrote itself (no public spec is copied in): OpenAPI 2.0, 3.0 and 3.1, JSON and YAML. They
/// keep the fast generality checks, the caching tests and the fuzz test running on a clone without ../shared.
/// </summary>
internal static class RepositoryDocuments
{
    internal const string ShopYaml30 = """
        openapi: 3.0.3
        info:
          title: Pet shop
          description: Sells pets.
          version: '1.2'
        servers:
          - url: https://shop.example.com/v1
        paths:
          /pets:
            get:
              operationId: listPets
              summary: Lists pets
              parameters:
                - $ref: '#/components/parameters/Limit'
                - name: kind
                  in: query
                  schema:
                    $ref: '#/components/schemas/Kind'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Pet'
                '400':
                  description: bad request
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Problem'
            post:
              operationId: createPet
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPet'
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
          /pets/{petId}:
            parameters:
              - name: petId
                in: path
                required: true
                schema:
                  type: string
                  format: uuid
            delete:
              operationId: deletePet
              responses:
                '204':
                  description: deleted
        components:
          parameters:
            Limit:
              name: limit
              in: query
              schema:
                type: integer
                format: int32
                minimum: 1
                maximum: 100
          schemas:
            Kind:
              type: string
              enum: [cat, dog, fish]
            NewPet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 50
                kind:
                  $ref: '#/components/schemas/Kind'
                tags:
                  type: array
                  items:
                    type: string
            Pet:
              allOf:
                - $ref: '#/components/schemas/NewPet'
                - type: object
                  required: [id]
                  properties:
                    id:
                      type: string
                      format: uuid
                    born:
                      type: string
                      format: date-time
                    owner:
                      nullable: true
                      allOf:
                        - $ref: '#/components/schemas/Owner'
            Owner:
              type: object
              properties:
                name:
                  type: string
                pets:
                  type: array
                  items:
                    $ref: '#/components/schemas/Pet'
                attributes:
                  type: object
                  additionalProperties:
                    type: number
            Problem:
              type: object
              properties:
                code:
                  type: string
                message:
                  type: string
        x-error-codes:
          - code: PET.0001
            status: 400
            message: The pet name is missing.
            action: Send a name.
        """;

    internal const string OrdersJson30 = """
        {
          "openapi": "3.0.1",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders/{orderId}": {
              "get": {
                "operationId": "getOrder",
                "parameters": [
                  { "name": "orderId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } },
                  { "name": "X-Trace", "in": "header", "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } },
                  "default": { "description": "error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                  "id": { "type": "integer", "format": "int64" },
                  "status": { "type": "string", "enum": ["placed", "shipped"], "x-enum-varnames": ["Placed", "Shipped"] },
                  "lines": { "type": "array", "items": { "$ref": "#/components/schemas/Line" }, "maxItems": 10 },
                  "total": { "type": "number", "format": "decimal", "exclusiveMinimum": true, "minimum": 0 }
                }
              },
              "Line": { "type": "object", "properties": { "sku": { "type": "string" }, "quantity": { "type": "integer", "enum": [1, 2, 3] } } },
              "Error": { "type": "object", "properties": { "error_code": { "type": "string" }, "error_msg": { "type": "string" } } }
            }
          }
        }
        """;

    internal const string LibraryYaml20 = """
        swagger: '2.0'
        info:
          title: Library
          version: '2'
        host: library.example.com
        basePath: /api
        schemes: [https]
        paths:
          /books:
            post:
              operationId: addBook
              consumes: [application/json]
              parameters:
                - name: body
                  in: body
                  required: true
                  schema:
                    $ref: '#/definitions/Book'
                - name: dryRun
                  in: query
                  type: boolean
              responses:
                '200':
                  description: ok
                  schema:
                    $ref: '#/definitions/Book'
          /books/{isbn}:
            get:
              operationId: getBook
              parameters:
                - name: isbn
                  in: path
                  required: true
                  type: string
                  pattern: '^[0-9-]+$'
                - name: fields
                  in: query
                  type: array
                  items:
                    type: string
                  collectionFormat: csv
              responses:
                '200':
                  description: ok
                  schema:
                    $ref: '#/definitions/Book'
                '404':
                  description: missing
                  schema:
                    $ref: '#/definitions/Error'
        definitions:
          Book:
            type: object
            required: [isbn]
            properties:
              isbn:
                type: string
              title:
                type: string
                x-nullable: true
              authors:
                type: array
                items:
                  $ref: '#/definitions/Author'
          Author:
            type: object
            properties:
              name:
                type: string
              born:
                type: string
                format: date
          Error:
            type: object
            properties:
              code:
                type: string
              message:
                type: string
        """;

    internal const string WeatherJson20 = """
        {
          "swagger": "2.0",
          "info": { "title": "Weather", "version": "1" },
          "host": "weather.example.com",
          "paths": {
            "/forecast": {
              "get": {
                "operationId": "getForecast",
                "produces": ["application/json"],
                "parameters": [
                  { "name": "city", "in": "query", "required": true, "type": "string", "minLength": 1 },
                  { "name": "days", "in": "query", "type": "integer", "format": "int32", "minimum": 1, "maximum": 14 }
                ],
                "responses": {
                  "200": { "description": "ok", "schema": { "type": "array", "items": { "$ref": "#/definitions/Day" } } }
                }
              }
            }
          },
          "definitions": {
            "Day": {
              "type": "object",
              "properties": {
                "date": { "type": "string", "format": "date" },
                "high": { "type": "number", "format": "float" },
                "sky": { "type": "string", "enum": ["clear", "cloudy", "rain"] }
              }
            }
          }
        }
        """;

    /// <summary>OpenAPI 3.1: type arrays with null, numeric exclusive bounds, a webhook, an operation without responses, const.</summary>
    internal const string EventsYaml31 = """
        openapi: 3.1.0
        info:
          title: Events
          version: '3'
        webhooks:
          eventCreated:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Event'
              responses:
                '204':
                  description: received
        paths:
          /events:
            get:
              operationId: listEvents
              parameters:
                - name: since
                  in: query
                  schema:
                    type: [string, 'null']
                    format: date-time
                - name: limit
                  in: query
                  schema:
                    type: integer
                    exclusiveMinimum: 0
                    maximum: 500
              responses:
                '200':
                  description: events
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Event'
            delete:
              operationId: purgeEvents
        components:
          schemas:
            Event:
              type: object
              required: [id, kind]
              properties:
                id:
                  type: string
                  format: uuid
                kind:
                  type: string
                  enum: [created, deleted]
                source:
                  type: [string, 'null']
                  maxLength: 200
                weight:
                  type: number
                  exclusiveMaximum: 1
                labels:
                  type: object
                  additionalProperties:
                    type: string
                version:
                  const: 3
        """;

    /// <summary>Every document with the file name it is generated under.</summary>
    public static IReadOnlyList<(string Name, string Text)> All { get; } = new[]
    {
        ("shop.yaml", ShopYaml30),
        ("orders.json", OrdersJson30),
        ("library.yaml", LibraryYaml20),
        ("weather.json", WeatherJson20),
        ("events.yaml", EventsYaml31),
    };
}
