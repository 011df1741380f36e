/**
 * The REST API's shared plumbing under {@code /api/v1}; the controllers live in their features
 * ({@code packs.PacksApi} and {@code EvaluateApi}, {@code audit.DecisionsApi}, {@code
 * consent.ConsentApi}, {@code review.ReviewsApi} and {@code VisitRequestsApi}, {@code
 * liquid.LiquidApi}, {@code security.TokensApi}). Every endpoint checks its roles ({@code @RolesAllowed}), takes
 * HTTP basic or {@code Authorization: Bearer <token>}, and answers errors as RFC 7807 problem
 * details ({@link dev.baton.designer.api.ApiExceptionHandler}, {@link
 * dev.baton.designer.api.ApiAuthenticationProblems}); a refused call changes nothing. The OpenAPI
 * document is served at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}.
 * Documentation for users: {@code docs/api.md}.
 */
package dev.baton.designer.api;
