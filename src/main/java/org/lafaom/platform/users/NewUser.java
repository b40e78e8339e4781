package org.lafaom.platform.users;

import java.time.LocalDate;

/** A row to insert into {@code users}; the password is already hashed. */
record NewUser(
        String id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String civility,
        String countryCode,
        String mobileNumber,
        String fixNumber,
        String email,
        String password,
        String status,
        String lang,
        String webToken,
        String userType,
        boolean twoFactorEnabled) {}
