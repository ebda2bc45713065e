// The webjar's own initializer shows the petstore; this one shows our spec, served by the same application.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api-doc",
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
