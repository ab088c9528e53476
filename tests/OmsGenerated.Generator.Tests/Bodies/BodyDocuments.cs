namespace OmsGenerated.Generator.Tests.Bodies;

/// <summary>Hand-written documents with one operation per body or content type case.</summary>
internal static class BodyDocuments
{
    public const string OpenApi3 = """
        openapi: 3.0.3
        info:
          title: Bodies
          version: '1'
        paths:
          /multipart:
            post:
              operationId: uploadMultipart
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [title, file]
                      properties:
                        title:
                          type: string
                        count:
                          type: integer
                        tags:
                          type: array
                          items:
                            type: string
                        meta:
                          $ref: '#/components/schemas/Thing'
                        file:
                          type: string
                          format: binary
                        attachments:
                          type: array
                          items:
                            type: string
                            format: binary
                    encoding:
                      file:
                        contentType: image/png
              responses:
                '204':
                  description: stored
          /form:
            post:
              operationId: submitForm
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name:
                          type: string
                        amount:
                          type: integer
                        flags:
                          type: array
                          items:
                            type: string
              responses:
                '204':
                  description: stored
          /form-any:
            post:
              operationId: submitAnyForm
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
              responses:
                '204':
                  description: stored
          /raw:
            put:
              operationId: uploadRaw
              requestBody:
                required: true
                content:
                  application/octet-stream:
                    schema:
                      type: string
                      format: binary
              responses:
                '204':
                  description: stored
          /text:
            post:
              operationId: echoText
              requestBody:
                required: true
                content:
                  text/plain:
                    schema:
                      type: string
              responses:
                '200':
                  description: the text, upper-cased
                  content:
                    text/plain:
                      schema:
                        type: string
          /things/{id}:
            patch:
              operationId: patchThing
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              requestBody:
                required: true
                content:
                  application/merge-patch+json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '200':
                  description: the thing
                  content:
                    application/vnd.bodies.thing+json:
                      schema:
                        $ref: '#/components/schemas/Thing'
          /choice:
            post:
              operationId: chooseJson
              requestBody:
                required: true
                content:
                  application/xml:
                    schema:
                      $ref: '#/components/schemas/Thing'
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
                  text/plain:
                    schema:
                      type: string
              responses:
                '204':
                  description: stored
          /optional:
            post:
              operationId: optionalBody
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                '204':
                  description: stored
          /download:
            get:
              operationId: download
              responses:
                '200':
                  description: the file
                  content:
                    application/octet-stream:
                      schema:
                        type: string
                        format: binary
          /events:
            get:
              operationId: events
              responses:
                '200':
                  description: server-sent events
                  content:
                    text/event-stream:
                      schema:
                        type: string
        components:
          schemas:
            Thing:
              type: object
              properties:
                name:
                  type: string
        """;

    public const string Swagger2 = """
        swagger: '2.0'
        info:
          title: Forms
          version: '1'
        paths:
          /upload:
            post:
              operationId: upload
              consumes:
                - multipart/form-data
              parameters:
                - name: description
                  in: formData
                  type: string
                - name: file
                  in: formData
                  type: file
                  required: true
              responses:
                '204':
                  description: stored
          /login:
            post:
              operationId: login
              consumes:
                - application/x-www-form-urlencoded
              parameters:
                - name: user
                  in: formData
                  type: string
                  required: true
                - name: remember
                  in: formData
                  type: boolean
              responses:
                '204':
                  description: ok
          /report:
            get:
              operationId: report
              produces:
                - application/pdf
              responses:
                '200':
                  description: the report
                  schema:
                    type: file
        """;
}
