// The API explorer: Swagger UI 5 (served by the app, no CDN) on this service's openapi.yaml.
// A file of its own, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
// "Authorize" takes an API key (the token from `flask --app api keys create`); try-it-out sends it.
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.spec,
    domNode: root,
    deepLinking: true,
    filter: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 0,
    docExpansion: "list",
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
