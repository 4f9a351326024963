#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: fixed-argument wrappers for the options modelreg sets. */

/* Whether every object read is hashed again to check its id (libgit2's default: yes; git itself does not, outside
   `git fsck`). */
static inline int modelreg_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
