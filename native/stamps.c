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
#include "digest.h"
#include "napi_helpers.h"
#include "spawn_process.h"
#include "stat_numbers.h"
#include "read_file.h"
#include <errno.h>
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

static napi_value string_of(napi_env env, const char *text, size_t length) {
  napi_value out;
  napi_create_string_utf8(env, text, length, &out);
  return out;
}

/*
 * A repo's recorded files (paths joined by NUL, four numbers each), split: racy ones into `racy`
 * (passed back by name), with `vouched` the others counted in `vouched_count` without a stat, the
 * rest into `to_stat`. Each array has room for count / SLOTS files. False when the paths and the
 * numbers do not pair up (every recorded file named once).
 */
static bool split_files(const char *paths, size_t paths_length, const double *numbers, size_t count, bool vouched, File *to_stat,
                        size_t *stat_count, File *racy, size_t *racy_count, size_t *vouched_count) {
  if (paths_length == 0) return count == 0;
  const char *name = paths, *end = paths + paths_length;
  for (size_t file = 0;; file++) {
    const char *stop = memchr(name, '\0', (size_t)(end - name));
    if (stop == NULL) stop = end;
    if ((file + 1) * SLOTS > count) return false;
    File entry = {name, (size_t)(stop - name), numbers + file * SLOTS};
    if (entry.recorded[0] == RACY_SLOT) racy[(*racy_count)++] = entry;
    else if (vouched && entry.recorded[0] != OTHER_SLOT) (*vouched_count)++;
    else to_stat[(*stat_count)++] = entry;
    if (stop == end) return (file + 1) * SLOTS == count;
    name = stop + 1;
  }
}

/* checkSummary's answer: { unchanged, racy: [names] }. */
static napi_value summary_value(napi_env env, size_t unchanged, const File *racy, size_t racy_count) {
  napi_value summary, number, names;
  napi_create_object(env, &summary);
  napi_create_double(env, (double)unchanged, &number);
  napi_set_named_property(env, summary, "unchanged", number);
  napi_create_array_with_length(env, racy_count, &names);
  for (size_t i = 0; i < racy_count; i++) napi_set_element(env, names, (uint32_t)i, string_of(env, racy[i].name, racy[i].length));
  napi_set_named_property(env, summary, "racy", names);
  return summary;
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
  size_t checkout_length, paths_length, to_stat = 0, racy_count = 0, vouched_count = 0;
  char *checkout = utf8_of(env, argv[0], &checkout_length);
  char *paths = utf8_of(env, argv[1], &paths_length);
  File *files = malloc((count / SLOTS + 1) * sizeof *files);
  File *racy = malloc((count / SLOTS + 1) * sizeof *racy);
  bool same = checkout != NULL && paths != NULL && files != NULL && racy != NULL && checkout_length + 1 < PATH_MAX &&
              split_files(paths, paths_length, numbers, count, vouched, files, &to_stat, racy, &racy_count, &vouched_count) &&
              walk_files(checkout, checkout_length, files, to_stat);
  napi_value result = same ? summary_value(env, vouched_count + to_stat, racy, racy_count) : null_value(env);
  free(checkout);
  free(paths);
  free(files);
  free(racy);
  return result;
}

/*
 *   statEach(paths, follow) -> Float64Array
 *
 * The numbers a stamp is made of for each of a few paths (joined by NUL): the repo-level checks
 * of the no-op check (the checkout, git's index, HEAD and config, the included folders), without a
 * Stats object per path. Five doubles per path: the kind (ENTRY_*), size, mtimeMs, ctimeMs, ino.
 * lstat, or stat with `follow`.
 */
#define ENTRY_NONE 0.0   /* no such entry: ENOENT, or ENOTDIR (a file where a folder was) */
#define ENTRY_FILE 1.0
#define ENTRY_FOLDER 2.0
#define ENTRY_OTHER 3.0  /* a link (lstat), FIFO, socket, device */
#define ENTRY_ERROR 4.0  /* any other failure: the caller asks Node, which says what it is */
#define ENTRY_SLOTS 5

static napi_value stat_each(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  bool follow = false;
  size_t paths_length;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 || napi_get_value_bool(env, argv[1], &follow) != napi_ok) {
    napi_throw_type_error(env, NULL, "statEach(paths, follow)");
    return NULL;
  }
  char *paths = utf8_of(env, argv[0], &paths_length);
  if (paths == NULL) {
    napi_throw_type_error(env, NULL, "statEach: paths must be a string");
    return NULL;
  }
  size_t count = 1;
  for (size_t i = 0; i < paths_length; i++)
    if (paths[i] == '\0') count++;
  napi_value buffer, out;
  void *data;
  if (napi_create_arraybuffer(env, count * ENTRY_SLOTS * sizeof(double), &data, &buffer) != napi_ok ||
      napi_create_typedarray(env, napi_float64_array, count * ENTRY_SLOTS, buffer, 0, &out) != napi_ok) {
    free(paths);
    return NULL;
  }
  double *numbers = data;
  /* utf8_of's copy ends with a NUL: each path is a C string in place. */
  const char *path = paths;
  for (size_t i = 0; i < count; i++) {
    struct stat st;
    double *at = numbers + i * ENTRY_SLOTS;
    memset(at, 0, ENTRY_SLOTS * sizeof(double));
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
      at[0] = errno == ENOENT || errno == ENOTDIR ? ENTRY_NONE : ENTRY_ERROR;
    } else {
      at[0] = S_ISREG(st.st_mode) ? ENTRY_FILE : S_ISDIR(st.st_mode) ? ENTRY_FOLDER : ENTRY_OTHER;
      at[1] = (double)st.st_size;
      at[2] = ms_of(MTIME(st));
      at[3] = ms_of(CTIME(st));
      at[4] = (double)st.st_ino;
    }
    path += strlen(path) + 1;
  }
  free(paths);
  return out;
}

/*
 * The early walk: the same comparison for every repo of a workspace, started on a thread of its
 * own as a read command begins (src/index/early-walk.ts), from a copy of the index's repo
 * summaries kept beside the index (its `-stamps` file), so the stats are done while the command
 * loads its modules and opens the index. The command then takes each repo's answer only where the
 * copy it was computed from equals the summary it reads from the index.
 *
 *   startEarlyWalk(file) -> boolean        finishEarlyWalk() -> [{ checkout, paths, stamps, summary }] | null
 *
 * The file: "CUSTSTM1", then a little-endian u32 repo count, then per repo three u32 lengths
 * (checkout, paths, stamps) and those bytes. Anything else (a short file, a length past its end)
 * and finishEarlyWalk answers null.
 */
typedef struct {
  const char *checkout;
  size_t checkout_length;
  const char *paths;
  size_t paths_length;
  const unsigned char *stamps;
  size_t stamps_length;
  bool same;
  size_t unchanged;
  File *racy;
  size_t racy_count;
} EarlyRepo;

static struct {
  bool started;
  pthread_t thread;
  char *file;
  unsigned char *bytes;
  size_t size;
  EarlyRepo *repos;
  size_t repo_count;
  bool readable;
} early;

static const char EARLY_MAGIC[8] = {'C', 'U', 'S', 'T', 'S', 'T', 'M', '1'};

static bool read_whole(const char *file, unsigned char **bytes, size_t *size) {
  int fd = open(file, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  size_t length = ok ? (size_t)st.st_size : 0, done = 0;
  unsigned char *data = ok ? malloc(length) : NULL;
  while (data != NULL && done < length) {
    ssize_t n = read(fd, data + done, length - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  close(fd);
  if (data == NULL || done != length) {
    free(data);
    return false;
  }
  *bytes = data;
  *size = length;
  return true;
}

static bool take_u32(const unsigned char *bytes, size_t size, size_t *at, size_t *value) {
  if (size - *at < 4) return false;
  const unsigned char *b = bytes + *at;
  *value = (size_t)b[0] | (size_t)b[1] << 8 | (size_t)b[2] << 16 | (size_t)b[3] << 24;
  *at += 4;
  return true;
}

/* Splits the file into repos; false when it is not one this build wrote. */
static bool parse_early(void) {
  size_t at = sizeof EARLY_MAGIC, count;
  if (early.size < at || memcmp(early.bytes, EARLY_MAGIC, at) != 0 || !take_u32(early.bytes, early.size, &at, &count)) return false;
  if (count > early.size / 12) return false;
  early.repos = calloc(count ? count : 1, sizeof *early.repos);
  if (early.repos == NULL) return false;
  for (size_t r = 0; r < count; r++) {
    EarlyRepo *repo = &early.repos[r];
    size_t lengths[3];
    for (int i = 0; i < 3; i++)
      if (!take_u32(early.bytes, early.size, &at, &lengths[i])) return false;
    if (early.size - at < lengths[0] || early.size - at - lengths[0] < lengths[1] || early.size - at - lengths[0] - lengths[1] < lengths[2]) return false;
    repo->checkout = (const char *)early.bytes + at;
    repo->checkout_length = lengths[0];
    repo->paths = (const char *)early.bytes + at + lengths[0];
    repo->paths_length = lengths[1];
    repo->stamps = early.bytes + at + lengths[0] + lengths[1];
    repo->stamps_length = lengths[2];
    at += lengths[0] + lengths[1] + lengths[2];
    early.repo_count = r + 1;
  }
  return at == early.size;
}

/* One repo's comparison, as compare_stamps makes it (never vouched). */
static void walk_early_repo(EarlyRepo *repo) {
  repo->same = false;
  size_t count = repo->stamps_length / sizeof(double);
  if (repo->stamps_length % (SLOTS * sizeof(double)) != 0 || repo->checkout_length + 1 >= PATH_MAX || memchr(repo->checkout, '\0', repo->checkout_length)) return;
  double *numbers = malloc(repo->stamps_length ? repo->stamps_length : 1);
  File *files = malloc((count / SLOTS + 1) * sizeof *files);
  repo->racy = malloc((count / SLOTS + 1) * sizeof *repo->racy);
  char *checkout = malloc(repo->checkout_length + 1);
  if (numbers == NULL || files == NULL || repo->racy == NULL || checkout == NULL) goto done;
  memcpy(numbers, repo->stamps, repo->stamps_length);
  memcpy(checkout, repo->checkout, repo->checkout_length);
  checkout[repo->checkout_length] = '\0';
  size_t to_stat = 0, vouched_count = 0;
  bool same = split_files(repo->paths, repo->paths_length, numbers, count, false, files, &to_stat, repo->racy, &repo->racy_count, &vouched_count);
  if (same && to_stat > 0) {
    atomic_bool differs = false;
    Share share = {checkout, repo->checkout_length, files, 0, to_stat, &differs};
    same = walk_share(&share);
  }
  repo->same = same;
  repo->unchanged = to_stat;
done:
  free(numbers);
  free(files);
  free(checkout);
}

static void *early_walk(void *unused) {
  (void)unused;
  early.readable = read_whole(early.file, &early.bytes, &early.size) && parse_early();
  if (early.readable)
    for (size_t r = 0; r < early.repo_count; r++) walk_early_repo(&early.repos[r]);
  return NULL;
}

static void forget_early(void) {
  for (size_t r = 0; r < early.repo_count; r++) free(early.repos[r].racy);
  free(early.repos);
  free(early.bytes);
  free(early.file);
  memset(&early, 0, sizeof early);
}

static napi_value start_early_walk(napi_env env, napi_callback_info info) {
  size_t argc = 1, length;
  napi_value argv[1], out;
  bool started = false;
  if (!early.started && napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok && argc == 1) {
    early.file = utf8_of(env, argv[0], &length);
    if (early.file != NULL && pthread_create(&early.thread, NULL, early_walk, NULL) == 0) started = early.started = true;
    else forget_early();
  }
  napi_get_boolean(env, started, &out);
  return out;
}

static napi_value finish_early_walk(napi_env env, napi_callback_info info) {
  (void)info;
  if (!early.started) return null_value(env);
  pthread_join(early.thread, NULL);
  if (!early.readable) {
    forget_early();
    return null_value(env);
  }
  napi_value list;
  napi_create_array_with_length(env, early.repo_count, &list);
  for (size_t r = 0; r < early.repo_count; r++) {
    EarlyRepo *repo = &early.repos[r];
    napi_value item, stamps;
    napi_create_object(env, &item);
    napi_set_named_property(env, item, "checkout", string_of(env, repo->checkout, repo->checkout_length));
    napi_set_named_property(env, item, "paths", string_of(env, repo->paths, repo->paths_length));
    napi_create_buffer_copy(env, repo->stamps_length, repo->stamps, NULL, &stamps);
    napi_set_named_property(env, item, "stamps", stamps);
    napi_set_named_property(env, item, "summary", repo->same ? summary_value(env, repo->unchanged, repo->racy, repo->racy_count) : null_value(env));
    napi_set_element(env, list, (uint32_t)r, item);
  }
  forget_early();
  return list;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "compareStamps", NAPI_AUTO_LENGTH, compare_stamps, NULL, &fn);
  napi_set_named_property(env, exports, "compareStamps", fn);
  napi_create_function(env, "statEach", NAPI_AUTO_LENGTH, stat_each, NULL, &fn);
  napi_set_named_property(env, exports, "statEach", fn);
  napi_create_function(env, "startEarlyWalk", NAPI_AUTO_LENGTH, start_early_walk, NULL, &fn);
  napi_set_named_property(env, exports, "startEarlyWalk", fn);
  napi_create_function(env, "finishEarlyWalk", NAPI_AUTO_LENGTH, finish_early_walk, NULL, &fn);
  napi_set_named_property(env, exports, "finishEarlyWalk", fn);
  register_spawn(env, exports);
  register_digest(env, exports);
  register_read_file(env, exports);
  return exports;
}
