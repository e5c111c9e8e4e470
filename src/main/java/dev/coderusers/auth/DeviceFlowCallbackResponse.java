package dev.coderusers.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.OAuth2DeviceFlowCallbackResponse}: where the client-side device flow continues. */
@Schema(name = "codersdk.OAuth2DeviceFlowCallbackResponse")
public record DeviceFlowCallbackResponse(String redirectUrl) {}
