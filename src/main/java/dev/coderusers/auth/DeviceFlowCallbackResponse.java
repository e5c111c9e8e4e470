package dev.coderusers.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code codersdk.OAuth2DeviceFlowCallbackResponse}: where the client-side device flow continues. Registered
 * for reflection because it is only ever the entity of a {@code Response}, which the native build does not see.
 */
@Schema(name = "codersdk.OAuth2DeviceFlowCallbackResponse")
@RegisterForReflection
public record DeviceFlowCallbackResponse(String redirectUrl) {}
