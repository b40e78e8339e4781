package org.lafaom.platform.users;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ApiResponse;
import org.lafaom.platform.shared.CurrentUser;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.shared.WebProperties;
import org.lafaom.platform.storage.FileKind;
import org.lafaom.platform.storage.FileStore;
import org.lafaom.platform.users.UserInputs.UpdateAddressInput;
import org.lafaom.platform.users.UserInputs.UpdateDeviceInput;
import org.lafaom.platform.users.UserInputs.UpdatePasswordInput;
import org.lafaom.platform.users.UserInputs.UpdateProfileInput;
import org.lafaom.platform.users.UserViews.PermissionOut;
import org.lafaom.platform.users.UserViews.RoleOut;
import org.lafaom.platform.users.UserViews.UserFullOut;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The signed-in person's own account, under the contract's {@code /api/v1/auth} paths. */
@RestController
@RequestMapping("/api/v1/auth")
@PreAuthorize("isAuthenticated() and !principal.machine")
class ProfileController {

    static final String PICTURE_FOLDER = "profile";
    private static final DataSize MAX_PICTURE = DataSize.ofMegabytes(5);

    private final UserAccounts accounts;
    private final UserAdministration admin;
    private final GrantRepository grants;
    private final FileStore files;
    private final WebProperties web;

    ProfileController(UserAccounts accounts, UserAdministration admin, GrantRepository grants, FileStore files, WebProperties web) {
        this.accounts = accounts;
        this.admin = admin;
        this.grants = grants;
        this.files = files;
        this.web = web;
    }

    @GetMapping("/me")
    ApiResponse<UserFullOut> me(@AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("profile fetch successfully", accounts.fullUser(me.id()));
    }

    @GetMapping("/my-permissions")
    ApiResponse<List<PermissionOut>> myPermissions(@AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("My Permissions", grants.grantsOf(me.id()));
    }

    @GetMapping("/my-role")
    ApiResponse<RoleOut> myRole(@AuthenticationPrincipal CurrentUser me) {
        return ApiResponse.ok("My Role", admin.roleOf(me.id()));
    }

    @PostMapping("/update-profile")
    ApiResponse<UserFullOut> updateProfile(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody UpdateProfileInput input) {
        admin.updateProfile(me.id(), input);
        return ApiResponse.ok("profile updated successfully", accounts.fullUser(me.id()));
    }

    @PostMapping("/update-addresses")
    ApiResponse<UserFullOut> updateAddresses(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody UpdateAddressInput input) {
        admin.updateAddresses(me.id(), input);
        return ApiResponse.ok("profile updated successfully", accounts.fullUser(me.id()));
    }

    @PostMapping("/update-web-id")
    ApiResponse<UserFullOut> updateWebId(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody UpdateDeviceInput input) {
        admin.updateWebToken(me.id(), input.deviceId());
        return ApiResponse.ok("Web device ID updated successfully", accounts.fullUser(me.id()));
    }

    /** Other sessions lose their refresh tokens; this access token lives until it expires. */
    @PostMapping("/update-password")
    ApiResponse<UserFullOut> updatePassword(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody UpdatePasswordInput input) {
        if (!accounts.passwordMatches(me.id(), input.password())) {
            throw new ApiException(ErrorCode.PASSWORD_NOT_CORRECT);
        }
        accounts.setPassword(me.id(), input.newPassword(), false);
        return ApiResponse.ok("password change successfully", accounts.fullUser(me.id()));
    }

    @PostMapping(path = "/upload-profile-image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<UserFullOut> uploadImage(@AuthenticationPrincipal CurrentUser me, @RequestPart("image") MultipartFile image) {
        var stored = files.store(PICTURE_FOLDER, image, Set.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP), MAX_PICTURE);
        String previous = admin.picture(me.id());
        admin.setPicture(me.id(), web.publicUrlWithoutSlash() + ProfileImageController.PATH + "/" + fileName(stored.key()));
        deleteOwnPicture(previous);
        return ApiResponse.ok("picture image updated successfully", accounts.fullUser(me.id()));
    }

    @DeleteMapping("/profile-image")
    ApiResponse<UserFullOut> deleteImage(@AuthenticationPrincipal CurrentUser me) {
        String previous = admin.picture(me.id());
        admin.setPicture(me.id(), null);
        deleteOwnPicture(previous);
        return ApiResponse.ok("picture image deleted successfully", accounts.fullUser(me.id()));
    }

    private void deleteOwnPicture(String pictureUrl) {
        String prefix = web.publicUrlWithoutSlash() + ProfileImageController.PATH + "/";
        if (pictureUrl != null && pictureUrl.startsWith(prefix)) {
            files.delete(PICTURE_FOLDER + "/" + pictureUrl.substring(prefix.length()));
        }
    }

    private static String fileName(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
