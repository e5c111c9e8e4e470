-- Password reset by one-time passcode (POST /users/otp/request, /users/otp/change-password). Only the
-- passcode's SHA-256 is kept, with the moment it stops being accepted; both are cleared when it is used and
-- whenever the password changes. Both NULL: no passcode outstanding.
ALTER TABLE users
    ADD COLUMN hashed_one_time_passcode     bytea,
    ADD COLUMN one_time_passcode_expires_at timestamptz;

COMMENT ON COLUMN users.hashed_one_time_passcode IS 'SHA-256 of the outstanding password-reset passcode; NULL when none.';
