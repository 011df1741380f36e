package dev.baton.designer.packs;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.security.Role;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.repository.PublishedVersion;
import dev.baton.engine.rulepack.RulePacks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rule packs: list, one pack with its versions, import (YAML/JSON body, zip body or multipart
 * upload), publish, diff. The roles are {@link RulePackService}'s, which the designer's views
 * use too.
 */
@RestController
@RequestMapping("/api/v1/packs")
@Tag(name = "packs", description = "Versioned rule packs")
public class PacksApi {
  private final RulePackService packs;

  public PacksApi(RulePackService packs) {
    this.packs = packs;
  }

  /** Every pack, by id. */
  @Operation(summary = "List packs")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PackSummary> list() {
    return packs.list();
  }

  /** A pack: its summary, published versions and latest draft revision. */
  @Operation(summary = "A pack with its versions and draft")
  @GetMapping(path = "/{packId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> get(@PathVariable String packId) {
    PackSummary summary = packs.list().stream().filter(p -> p.id().equals(packId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("No pack '" + packId + "': see GET"
            + " /api/v1/packs for the packs."));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pack", summary);
    out.put("versions", packs.versions(packId));
    packs.draft(packId).ifPresent(d -> out.put("draft", draftInfo(d)));
    return out;
  }

  /** A version's content as canonical YAML ({@code draft} for the draft). */
  @Operation(summary = "A version's content as YAML (`draft` for the draft)")
  @GetMapping(path = "/{packId}/versions/{version}", produces = "application/yaml")
  public String version(@PathVariable String packId, @PathVariable String version) {
    if (PackRepository.DRAFT.equals(version)) {
      return RulePacks.toYaml(packs.draft(packId).orElseThrow(() -> ApiException.notFound(
          "The pack '" + packId + "' has no draft.")).pack());
    }
    return RulePacks.toYaml(packs.version(packId, version).orElseThrow(() ->
        ApiException.notFound("The pack '" + packId + "' has no version " + version + ".")));
  }

  /**
   * Imports a pack file as a new draft revision: a YAML or JSON pack in the body
   * ({@code Content-Type: application/yaml} or {@code application/json}), or a zip with {@code
   * pack.yaml} and {@code examples.yaml} ({@code application/zip}).
   */
  @Operation(summary = "Import a pack (YAML, JSON or zip body) as a draft",
      description = "Roles OPS, ANALYST. Every problem of an invalid pack is listed with its"
          + " line and column; nothing is stored then.")
  @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml",
      MediaType.APPLICATION_JSON_VALUE, "application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.ADMIN_})
  public ResponseEntity<DraftRef> importBody(@RequestBody byte[] content,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    String name = type.contains("json") ? "upload.json" : type.contains("zip")
        || type.contains("octet-stream") ? "upload.zip" : "upload.yaml";
    return created(packs.importFile(name, content));
  }

  /** Imports an uploaded file (multipart field {@code file}): {@code .yaml}, {@code .json} or {@code .zip}. */
  @Operation(summary = "Import an uploaded pack file (multipart field `file`)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.ADMIN_})
  public ResponseEntity<DraftRef> importUpload(@RequestParam("file") MultipartFile file) {
    try {
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
          ? "upload.yaml" : file.getOriginalFilename();
      return created(packs.importFile(name, file.getBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a publish request. */
  public record PublishRequest(String note) {}

  /** Publishes the pack's draft as its new active version. */
  @Operation(summary = "Publish the draft as the new active version", description = "Role OPS."
      + " 409 when the draft's version is not above every published one or its content equals"
      + " a published version's; 400 when the draft is not valid.")
  @PostMapping(path = "/{packId}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public PublishedVersion publish(@PathVariable String packId,
      @RequestBody(required = false) PublishRequest request) {
    return packs.publish(packId, request == null ? null : request.note());
  }

  /** The semantic diff between two versions ({@code draft} for the draft). */
  @Operation(summary = "Diff two versions (`draft` for the draft)")
  @GetMapping(path = "/{packId}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
  public String diff(@PathVariable String packId, @RequestParam String from,
      @RequestParam(defaultValue = PackRepository.DRAFT) String to) {
    return packs.diff(packId, from, to).toJson();
  }

  private static Map<String, Object> draftInfo(Draft d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("revision", d.revision());
    m.put("version", d.pack().version());
    m.put("savedBy", d.savedBy());
    m.put("savedAt", d.savedAt());
    return m;
  }

  private static ResponseEntity<DraftRef> created(DraftRef ref) {
    return ResponseEntity.created(URI.create("/api/v1/packs/" + ref.packId())).body(ref);
  }
}
