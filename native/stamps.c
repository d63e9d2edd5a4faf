/*
 * The no-op check's stat walk in one call (src/index/native-stamps.ts). For each of a repo's
 * recorded files it lstats the file and compares size, mtime, ctime and inode with the numbers the
 * index recorded, as checkSummary in src/index/stamps.ts does in JavaScript: same inputs, same
 * answer. Node 20 builds a Stats object with four Date objects for every lstatSync; at 10,000
 * files that and the garbage it leaves cost more than the system calls themselves.
 *
 *   compareStamps(checkout, paths, numbers, vouched) -> { unchanged, racy } | null
 *
 * paths: the repo's files, relative, joined by NUL; numbers: four doubles per file (size, mtimeMs,
 * ctimeMs, ino), the size slot -1 for a racy file and -2 for one whose stamp is not four numbers.
 * null at the first file that is not a regular file with its recorded numbers (gone, a link,
 * changed, unreadable, a path too long): the caller then looks at the repo file by file.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SLOTS 4
#define RACY_SLOT (-1.0)
#define OTHER_SLOT (-2.0)

#if defined(__APPLE__)
#define MTIME(st) ((st).st_mtimespec)
#define CTIME(st) ((st).st_ctimespec)
#else
#define MTIME(st) ((st).st_mtim)
#define CTIME(st) ((st).st_ctim)
#endif

/* Node's mtimeMs: seconds * 1e3 + nanoseconds / 1e6, in doubles (lib/internal/fs/utils.js). */
static double ms_of(struct timespec t) {
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static char *utf8_of(napi_env env, napi_value value, size_t *length) {
  if (napi_get_value_string_utf8(env, value, NULL, 0, length) != napi_ok) return NULL;
  char *text = malloc(*length + 1);
  if (text == NULL) return NULL;
  if (napi_get_value_string_utf8(env, value, text, *length + 1, length) != napi_ok) {
    free(text);
    return NULL;
  }
  return text;
}

static napi_value null_value(napi_env env) {
  napi_value out;
  napi_get_null(env, &out);
  return out;
}

static napi_value compare_stamps(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 4) {
    napi_throw_type_error(env, NULL, "compareStamps(checkout, paths, numbers, vouched)");
    return NULL;
  }
  napi_typedarray_type type;
  size_t count;
  void *data;
  bool vouched = false;
  if (napi_get_typedarray_info(env, argv[2], &type, &count, &data, NULL, NULL) != napi_ok || type != napi_float64_array ||
      napi_get_value_bool(env, argv[3], &vouched) != napi_ok) {
    napi_throw_type_error(env, NULL, "compareStamps: numbers must be a Float64Array and vouched a boolean");
    return NULL;
  }
  const double *numbers = data;
  size_t checkout_length, paths_length;
  char *checkout = utf8_of(env, argv[0], &checkout_length);
  char *paths = utf8_of(env, argv[1], &paths_length);
  napi_value result = NULL, racy = NULL;
  size_t unchanged = 0, racy_count = 0;
  bool same = checkout != NULL && paths != NULL;
  if (same) napi_create_array(env, &racy);
  if (same && paths_length == 0) same = count == 0;
  char path[PATH_MAX];
  if (same && checkout_length + 1 >= sizeof path) same = false;
  if (same && paths_length > 0) {
    memcpy(path, checkout, checkout_length);
    path[checkout_length] = '/';
    const char *name = paths, *end = paths + paths_length;
    size_t file = 0;
    for (;; file++) {
      const char *stop = memchr(name, '\0', (size_t)(end - name));
      if (stop == NULL) stop = end;
      size_t name_length = (size_t)(stop - name);
      if ((file + 1) * SLOTS > count) {
        same = false;
        break;
      }
      const double *at = numbers + file * SLOTS;
      if (at[0] == RACY_SLOT) {
        napi_value text;
        napi_create_string_utf8(env, name, name_length, &text);
        napi_set_element(env, racy, (uint32_t)racy_count++, text);
      } else if (vouched && at[0] != OTHER_SLOT) {
        unchanged++;
      } else {
        struct stat st;
        if (checkout_length + 1 + name_length >= sizeof path) {
          same = false;
          break;
        }
        memcpy(path + checkout_length + 1, name, name_length);
        path[checkout_length + 1 + name_length] = '\0';
        if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (double)st.st_size != at[0] || ms_of(MTIME(st)) != at[1] ||
            ms_of(CTIME(st)) != at[2] || (double)st.st_ino != at[3]) {
          same = false;
          break;
        }
        unchanged++;
      }
      if (stop == end) break;
      name = stop + 1;
    }
    /* Every recorded file named once: as many paths as stamps. */
    if (same && (file + 1) * SLOTS != count) same = false;
  }
  free(checkout);
  free(paths);
  if (!same) return null_value(env);
  napi_value unchanged_value;
  napi_create_object(env, &result);
  napi_create_double(env, (double)unchanged, &unchanged_value);
  napi_set_named_property(env, result, "unchanged", unchanged_value);
  napi_set_named_property(env, result, "racy", racy);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "compareStamps", NAPI_AUTO_LENGTH, compare_stamps, NULL, &fn);
  napi_set_named_property(env, exports, "compareStamps", fn);
  return exports;
}
