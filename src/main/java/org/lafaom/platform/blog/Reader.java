package org.lafaom.platform.blog;

import org.lafaom.platform.shared.CurrentUser;

/** Who reads the blog: the public sees published posts only; staff with {@code can_view_blog} see drafts too. */
record Reader(boolean seesDrafts) {

    static final String VIEW_PERMISSION = "can_view_blog";

    static Reader of(CurrentUser user) {
        return new Reader(user != null && user.can(VIEW_PERMISSION));
    }
}
