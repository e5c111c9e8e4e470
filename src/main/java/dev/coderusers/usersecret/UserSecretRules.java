package dev.coderusers.usersecret;

import dev.coderusers.api.ValidationError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coder's rules for the fields of a secret ({@code codersdk} user secret validation), with its messages, so that
 * clients showing them keep working. Every failing field is reported, not only the first.
 */
final class UserSecretRules {

    /** One value, in bytes of UTF-8: what fits in a workspace's environment on every platform (Coder). */
    static final int MAX_VALUE_BYTES = 24 * 1024;

    static final int MAX_ENV_NAME_BYTES = 256;
    /** Linux's PATH_MAX. */
    static final int MAX_FILE_PATH_BYTES = 4096;

    /** Per user: how many secrets, and how many stored bytes in all and for those put into the environment. */
    static final int MAX_SECRETS_PER_USER = 50;

    static final int MAX_TOTAL_STORED_BYTES = 200 * 1024;
    static final int MAX_ENV_STORED_BYTES = 24 * 1024;

    private static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Variables the system, the shell or Coder's agent sets, which a secret must not override. */
    private static final Set<String> RESERVED_ENV_NAMES = Set.of(
            "PATH",
            "HOME",
            "SHELL",
            "USER",
            "LOGNAME",
            "PWD",
            "OLDPWD",
            "LANG",
            "TERM",
            "IFS",
            "CDPATH",
            "ENV",
            "BASH_ENV",
            "TMPDIR",
            "TMP",
            "TEMP",
            "HOSTNAME",
            "SSH_AUTH_SOCK",
            "SSH_CLIENT",
            "SSH_CONNECTION",
            "SSH_TTY",
            "EDITOR",
            "VISUAL",
            "PAGER",
            "VSCODE_PROXY_URI",
            "CS_DISABLE_GETTING_STARTED_OVERRIDE",
            "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME");

    /** Families of variables (git, locale, dynamic linker) reserved as a whole. */
    private static final List<String> RESERVED_ENV_PREFIXES = List.of("GIT_", "LC_", "LD_", "DYLD_");

    private UserSecretRules() {}

    static List<ValidationError> create(CreateUserSecretRequest request) {
        List<ValidationError> problems = new ArrayList<>();
        add(problems, "name", nameProblem(request.name()));
        String value = orEmpty(request.value());
        add(problems, "value", value.isEmpty() ? "Value is required." : valueProblem(value));
        add(problems, "description", descriptionProblem(orEmpty(request.description())));
        add(problems, "env_name", envNameProblem(orEmpty(request.envName())));
        add(problems, "file_path", filePathProblem(orEmpty(request.filePath())));
        return problems;
    }

    /** Only the fields given are checked; an empty value is allowed on update, as in Coder. */
    static List<ValidationError> update(UpdateUserSecretRequest request) {
        List<ValidationError> problems = new ArrayList<>();
        if (request.value() != null) {
            add(problems, "value", valueProblem(request.value()));
        }
        if (request.description() != null) {
            add(problems, "description", descriptionProblem(request.description()));
        }
        if (request.envName() != null) {
            add(problems, "env_name", envNameProblem(request.envName()));
        }
        if (request.filePath() != null) {
            add(problems, "file_path", filePathProblem(request.filePath()));
        }
        return problems;
    }

    static String nameProblem(String name) {
        String value = orEmpty(name);
        if (value.strip().isEmpty()) {
            return "Name is required.";
        }
        if (!value.strip().equals(value)) {
            return "Name must not have leading or trailing whitespace.";
        }
        if (value.indexOf('/') >= 0 || value.indexOf('?') >= 0 || value.indexOf('#') >= 0) {
            return "Name must not contain /, ?, or #.";
        }
        // PostgreSQL text cannot hold NUL (Coder fails with 500 on it).
        if (value.indexOf('\0') >= 0) {
            return "Name must not contain null bytes.";
        }
        return null;
    }

    private static String valueProblem(String value) {
        if (value.indexOf('\0') >= 0) {
            return "secret value must not contain null bytes";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return "secret value must not exceed " + MAX_VALUE_BYTES + " bytes";
        }
        return null;
    }

    private static String descriptionProblem(String description) {
        return description.indexOf('\0') >= 0 ? "Description must not contain null bytes." : null;
    }

    private static String envNameProblem(String envName) {
        if (envName.isEmpty()) {
            return null;
        }
        if (envName.getBytes(StandardCharsets.UTF_8).length > MAX_ENV_NAME_BYTES) {
            return "environment variable name must not exceed " + MAX_ENV_NAME_BYTES + " bytes";
        }
        if (!ENV_NAME.matcher(envName).matches()) {
            return "must start with a letter or underscore, followed by letters, digits, or underscores";
        }
        String upper = envName.toUpperCase(Locale.ROOT);
        if (RESERVED_ENV_NAMES.contains(upper)) {
            return upper + " is a reserved environment variable name";
        }
        if (upper.equals("CODER") || upper.startsWith("CODER_")) {
            return "environment variable names starting with CODER_ are reserved for internal use";
        }
        for (String prefix : RESERVED_ENV_PREFIXES) {
            if (upper.startsWith(prefix)) {
                return "environment variables starting with " + prefix + " are reserved";
            }
        }
        return null;
    }

    private static String filePathProblem(String filePath) {
        if (filePath.isEmpty()) {
            return null;
        }
        if (!filePath.startsWith("~/") && !filePath.startsWith("/")) {
            return "file path must start with ~/ or /";
        }
        if (filePath.indexOf('\0') >= 0) {
            return "file path must not contain null bytes";
        }
        if (filePath.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_PATH_BYTES) {
            return "file path must not exceed " + MAX_FILE_PATH_BYTES + " bytes";
        }
        return null;
    }

    private static void add(List<ValidationError> problems, String field, String problem) {
        if (problem != null) {
            problems.add(new ValidationError(field, problem));
        }
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
