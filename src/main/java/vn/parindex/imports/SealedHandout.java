package vn.parindex.imports;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hand-out sheet of first passwords, as the session keeps it until its one download: encrypted (AES-GCM) with a
 * key of its own that only the browser holds, in a cookie for the download's path alone. The sessions are rows of
 * the database (shared by every instance), and the first passwords must never be stored there in clear: the row
 * holds only the sealed sheet, useless without the browser's cookie, and both are gone after the download.
 *
 * @param iv the nonce of this sealing
 * @param sealed the sheet, encrypted and authenticated
 */
record SealedHandout(byte[] iv, byte[] sealed) implements Serializable {

    static final String COOKIE = "PARINDEX_HANDOUT";
    static final String PATH = "/admin/imports/handout.xlsx";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Seals the sheet and gives the browser its key. */
    static SealedHandout seal(byte[] sheet, HttpServletRequest request, HttpServletResponse response) {
        byte[] key = new byte[32];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            SealedHandout handout = new SealedHandout(iv, cipher.doFinal(sheet));
            response.addCookie(cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(key), 3600, request));
            return handout;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sheet, with the key the browser sent; null without the key or with a wrong one. Clears the cookie. */
    byte[] open(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie("", 0, request));
        String value = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    value = cookie.getValue();
                }
            }
        }
        if (value == null || value.length() > 64) {
            return null;
        }
        try {
            byte[] key = Base64.getUrlDecoder().decode(value);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Cookie cookie(String value, int maxAge, HttpServletRequest request) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath() + PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
