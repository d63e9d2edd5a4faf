/*
 * A full sync's read of one repo file in one call (src/index/file-content.ts): open, fstat, read,
 * close, the bytes' sha256 and their text, as src/workspace/repo-file.ts, src/hashing.ts and
 * decodeBytes (src/documents/text.ts) do them in JavaScript. A first sync reads every file: at
 * 10,000 files Node's four calls a file, the Stats object each fstat builds, a fresh buffer per file
 * (each new one a run of page faults) and a TextDecoder cost the parse thread about three times
 * what the system calls do. Here the bytes go into one buffer kept for the next file, and only
 * their text comes out.
 *
 *   readRegularFile(path, noFollow, maxBytes) -> { text, size, mtimeMs, ctimeMs, ino, sha256 } | null
 *
 * Only the plain case is answered: a regular file of at most maxBytes, opened (without following
 * a final link when noFollow), read whole, and valid UTF-8 without a NUL byte; `text` is the file
 * without a leading byte order mark, as decodeBytes gives it. Anything else (no such file, a link,
 * a folder or FIFO, a file too large, a read error, a file that shrank while read, bytes that are
 * not text) is null, and the caller reads the file the JavaScript way, which says why. Where Node
 * carries no OpenSSL to call (digest.c) there is no readRegularFile: a text alone cannot be hashed
 * as its bytes were.
 */
#define _GNU_SOURCE
#include "read_file.h"
#include "digest.h"
#include "napi_helpers.h"
#include "stat_numbers.h"
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif

/* The bytes of the last file read, per thread that loaded the addon (each has its own env). */
typedef struct {
  char *data;
  size_t size;
} Scratch;

static void free_scratch(void *arg) {
  Scratch *scratch = arg;
  free(scratch->data);
  free(scratch);
}

static char *scratch_for(Scratch *scratch, size_t size) {
  if (scratch->data != NULL && size <= scratch->size) return scratch->data;
  size_t grown = size < 65536 ? 65536 : size;
  char *data = realloc(scratch->data, grown);
  if (data == NULL) return NULL;
  scratch->data = data;
  scratch->size = grown;
  return data;
}

static void set_number(napi_env env, napi_value object, const char *name, double value) {
  napi_value number;
  napi_create_double(env, value, &number);
  napi_set_named_property(env, object, name, number);
}

/* Reads exactly `size` bytes into `into`; false on an error or an early end (the file shrank). */
static bool read_all(int fd, char *into, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, into + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += (size_t)n;
  }
  return true;
}

/*
 * Whether the bytes are text as decodeBytes takes it: no NUL, and well-formed UTF-8 (the Unicode
 * standard's table 3-7, which is what a fatal TextDecoder accepts: no overlong forms, no
 * surrogates, nothing past U+10FFFF). Markdown is mostly ASCII, taken eight bytes at a time.
 */
static bool is_text(const unsigned char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      memcpy(&word, s + i, 8);
      // No byte with its high bit set and none zero: eight ASCII characters.
      if (((word | ((word - ones) & ~word)) & highs) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c == 0) return false;
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t length;
    unsigned char low = 0x80, high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) length = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      if (c == 0xe0) low = 0xa0;
      else if (c == 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      if (c == 0xf0) low = 0x90;
      else if (c == 0xf4) high = 0x8f;
    } else return false;
    if (i + length > n || s[i + 1] < low || s[i + 1] > high) return false;
    for (size_t k = 2; k < length; k++)
      if (s[i + k] < 0x80 || s[i + k] > 0xbf) return false;
    i += length;
  }
  return true;
}

static napi_value read_regular_file(napi_env env, napi_callback_info info) {
  size_t argc = 3, path_length;
  napi_value argv[3];
  Scratch *scratch = NULL;
  bool no_follow = false;
  double max_bytes = 0;
  char *path = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&scratch) != napi_ok || argc < 3 || napi_get_value_bool(env, argv[1], &no_follow) != napi_ok ||
      napi_get_value_double(env, argv[2], &max_bytes) != napi_ok || (path = utf8_of(env, argv[0], &path_length)) == NULL) {
    napi_throw_type_error(env, NULL, "readRegularFile(path, noFollow, maxBytes)");
    return NULL;
  }
  // A NUL inside the path would name another file than the one asked for.
  int fd = strlen(path) == path_length ? open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (no_follow ? O_NOFOLLOW : 0)) : -1;
  free(path);
  if (fd < 0) return null_value(env);
  napi_value result = NULL;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (double)st.st_size <= max_bytes) {
    size_t size = (size_t)st.st_size;
    char *data = scratch_for(scratch, size);
    if (data != NULL && read_all(fd, data, size) && is_text((const unsigned char *)data, size)) {
      size_t bom = size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
      napi_value text;
      if (napi_create_string_utf8(env, data + bom, size - bom, &text) == napi_ok) {
        napi_create_object(env, &result);
        napi_set_named_property(env, result, "text", text);
        set_number(env, result, "size", (double)st.st_size);
        set_number(env, result, "mtimeMs", ms_of(MTIME(st)));
        set_number(env, result, "ctimeMs", ms_of(CTIME(st)));
        set_number(env, result, "ino", (double)st.st_ino);
        char hex[65];
        napi_value digest;
        sha256_hex(data, size, hex);
        napi_create_string_latin1(env, hex, 64, &digest);
        napi_set_named_property(env, result, "sha256", digest);
      }
    }
  }
  close(fd);
  return result == NULL ? null_value(env) : result;
}

void register_read_file(napi_env env, napi_value exports) {
  char probe[65];
  if (!sha256_hex("", 0, probe)) return;
  Scratch *scratch = calloc(1, sizeof *scratch);
  if (scratch == NULL || napi_add_env_cleanup_hook(env, free_scratch, scratch) != napi_ok) {
    free(scratch);
    return;
  }
  napi_value fn;
  napi_create_function(env, "readRegularFile", NAPI_AUTO_LENGTH, read_regular_file, scratch, &fn);
  napi_set_named_property(env, exports, "readRegularFile", fn);
}
