package dev.coderusers.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code codersdk.ExternalAuthDevice}: GitHub's answer to a device authorization, passed on as is. */
@Schema(name = "codersdk.ExternalAuthDevice")
public record ExternalAuthDevice(
        String deviceCode, String userCode, String verificationUri, long expiresIn, long interval) {}
