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
 * null when a file is not a regular file with its recorded numbers (gone, a link, changed,
 * unreadable, a path too long): the caller then looks at the repo file by file.
 *
 * The system calls are most of the cost, and they are the kernel's path walk: each file is
 * stat'ed by its name within its folder (fstatat on the folder, opened once for its run of files:
 * git lists a folder's files together), and a repo with many files is stat'ed by two threads, each
 * half of the files, as git's preloaded index stats with threads. Both stop at the first
 * difference either finds.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SLOTS 4
#define RACY_SLOT (-1.0)
#define OTHER_SLOT (-2.0)
/* Fewer files than this are stat'ed by the calling thread alone: starting a thread costs about
 * as much as stat'ing a few dozen files. */
#define SECOND_THREAD_FROM 64

#if defined(__APPLE__)
#define MTIME(st) ((st).st_mtimespec)
#define CTIME(st) ((st).st_ctimespec)
#else
#define MTIME(st) ((st).st_mtim)
#define CTIME(st) ((st).st_ctim)
#endif

#ifdef O_PATH
#define FOLDER_FLAGS (O_PATH | O_DIRECTORY | O_CLOEXEC)
#else
#define FOLDER_FLAGS (O_RDONLY | O_DIRECTORY | O_CLOEXEC)
#endif

/* A file to stat: its name relative to the checkout, and its four recorded numbers. */
typedef struct {
  const char *name;
  size_t length;
  const double *recorded;
} File;

/* One thread's share of a repo's files. `differs` is shared: set by whichever finds a difference. */
typedef struct {
  const char *checkout;
  size_t checkout_length;
  const File *files;
  size_t from, to;
  atomic_bool *differs;
} Share;

/* Node's mtimeMs: seconds * 1e3 + nanoseconds / 1e6, in doubles (lib/internal/fs/utils.js). */
static double ms_of(struct timespec t) {
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static bool as_recorded(const struct stat *st, const double *recorded) {
  return S_ISREG(st->st_mode) && (double)st->st_size == recorded[0] && ms_of(MTIME(*st)) == recorded[1] &&
         ms_of(CTIME(*st)) == recorded[2] && (double)st->st_ino == recorded[3];
}

/* The length of a file name's folder part ("a/b" of "a/b/c.md"; 0 for a file at the root). */
static size_t folder_length(const File *file) {
  for (size_t i = file->length; i > 0; i--)
    if (file->name[i - 1] == '/') return i - 1;
  return 0;
}

/* Stats the share's files; false at the first one not as recorded (or when the other thread found one). */
static bool walk_share(const Share *share) {
  char path[PATH_MAX];
  size_t base = share->checkout_length + 1;
  memcpy(path, share->checkout, share->checkout_length);
  path[share->checkout_length] = '/';
  int folder = -1;
  const char *folder_name = NULL;
  size_t folder_name_length = 0;
  bool same = true;
  for (size_t i = share->from; i < share->to && same; i++) {
    if (atomic_load_explicit(share->differs, memory_order_relaxed)) {
      same = false;
      break;
    }
    const File *file = &share->files[i];
    if (base + file->length >= sizeof path) {
      same = false;
      break;
    }
    size_t dir_length = folder_length(file);
    if (folder_name == NULL || dir_length != folder_name_length || memcmp(file->name, folder_name, dir_length) != 0) {
      if (folder >= 0) close(folder);
      memcpy(path + base, file->name, dir_length);
      path[dir_length == 0 ? base - 1 : base + dir_length] = '\0';
      /* A folder that cannot be opened (gone, not a folder, no descriptor left) is left to lstat. */
      folder = open(path, FOLDER_FLAGS);
      path[base - 1] = '/';
      folder_name = file->name;
      folder_name_length = dir_length;
    }
    struct stat st;
    int status;
    if (folder >= 0) {
      status = fstatat(folder, file->name + (dir_length == 0 ? 0 : dir_length + 1), &st, AT_SYMLINK_NOFOLLOW);
    } else {
      memcpy(path + base, file->name, file->length);
      path[base + file->length] = '\0';
      status = lstat(path, &st);
    }
    if (status != 0 || !as_recorded(&st, file->recorded)) same = false;
  }
  if (folder >= 0) close(folder);
  if (!same) atomic_store(share->differs, true);
  return same;
}

static void *walk_share_thread(void *share) {
  walk_share(share);
  return NULL;
}

/* Stats every file, in two threads when there are many; true when all are as recorded. */
static bool walk_files(const char *checkout, size_t checkout_length, const File *files, size_t count) {
  atomic_bool differs = false;
  Share first = {checkout, checkout_length, files, 0, count, &differs};
  Share second = first;
  pthread_t thread;
  bool threaded = false;
  if (count >= SECOND_THREAD_FROM) {
    first.to = second.from = count / 2;
    threaded = pthread_create(&thread, NULL, walk_share_thread, &second) == 0;
    if (!threaded) first.to = count;
  }
  walk_share(&first);
  if (threaded) pthread_join(thread, NULL);
  return !atomic_load(&differs);
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
  File *files = malloc((count / SLOTS + 1) * sizeof *files);
  napi_value result = NULL, racy = NULL;
  size_t unchanged = 0, racy_count = 0, to_stat = 0;
  bool same = checkout != NULL && paths != NULL && files != NULL && checkout_length + 1 < PATH_MAX;
  if (same) napi_create_array(env, &racy);
  if (same && paths_length == 0) same = count == 0;
  if (same && paths_length > 0) {
    /* First the list: racy files passed back by name, vouched ones counted, the rest to stat. */
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
        files[to_stat++] = (File){name, name_length, at};
      }
      if (stop == end) break;
      name = stop + 1;
    }
    /* Every recorded file named once: as many paths as stamps. */
    if (same && (file + 1) * SLOTS != count) same = false;
    if (same) same = walk_files(checkout, checkout_length, files, to_stat);
    unchanged += to_stat;
  }
  free(checkout);
  free(paths);
  free(files);
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
