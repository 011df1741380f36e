package dev.baton.designer.security;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens, for administrators: create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "tokens", description = "API tokens (role ADMIN)")
@RolesAllowed(Role.ADMIN_)
public class TokensApi {
  private final ApiTokens tokens;
  private final UserAccounts users;

  public TokensApi(ApiTokens tokens, UserAccounts users) {
    this.tokens = tokens;
    this.users = users;
  }

  /** Who the token acts as, and a name that says what uses it. */
  public record TokenRequest(String username, String name) {}

  /** Creates a token; the answer's {@code token} is the secret, shown only this once. */
  @Operation(summary = "Create an API token acting as a user")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> create(@RequestBody TokenRequest body) {
    List<dev.baton.engine.Problem> problems = new ArrayList<>();
    if (body.username() == null || body.username().isBlank()) {
      problems.add(ApiProblems.field("username", "is missing", "an existing designer user"));
    } else if (users.roles(body.username()).isEmpty()) {
      problems.add(ApiProblems.field("username", "'" + body.username() + "' is not a user with"
          + " a role", "an existing designer user, e.g. a user created for the bot"));
    }
    if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
      problems.add(ApiProblems.field("name", body.name() == null || body.name().isBlank()
          ? "is missing" : "is longer than 200 characters", "what uses the token, e.g."
          + " 'WeCom bot'"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The token request is not valid; no token was created.",
          problems);
    }
    ApiTokens.CreatedToken created = tokens.create(body.username(), body.name(),
        CurrentUser.name());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", created.token());
    out.put("info", created.info());
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.info().tokenId()))
        .body(out);
  }

  /** Every token, without secrets. */
  @Operation(summary = "List API tokens")
  @GetMapping
  public List<ApiTokens.TokenInfo> list() {
    return tokens.list();
  }

  /** Revokes a token at once. */
  @Operation(summary = "Revoke an API token")
  @DeleteMapping("/{tokenId}")
  public ResponseEntity<Void> revoke(@PathVariable String tokenId) {
    if (!tokens.revoke(tokenId)) {
      throw ApiException.notFound("No active token '" + tokenId + "'.");
    }
    return ResponseEntity.noContent().build();
  }
}
