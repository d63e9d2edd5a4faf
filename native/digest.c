/*
 * sha256 and sha1 of a buffer through the OpenSSL that Node itself carries (src/hashing.ts). Node
 * 20's node:crypto costs a command ~3-8 ms to load (every cipher, key and certificate module
 * comes with it), more than a pre-commit check or a read that found one file changed spends on
 * hashing. The functions are looked up in the running process, not linked: where this Node
 * carries no OpenSSL symbols (built without, or not exporting them), digestHex is simply absent
 * and node:crypto answers.
 *
 *   digestHex(algorithm, bytes) -> hex string     algorithm: "sha256" or "sha1"
 */
#define _GNU_SOURCE
#include "digest.h"
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

typedef unsigned char *(*one_shot)(const unsigned char *data, size_t length, unsigned char *out);

static one_shot sha256_of;
static one_shot sha1_of;

/* `digest` of the bytes as lower-case hex into `hex` (2 * out_length + 1 chars); its length. */
static size_t hex_digest(one_shot digest, size_t out_length, const void *data, size_t length, char *hex) {
  unsigned char out[32];
  digest(data == NULL ? (const unsigned char *)"" : data, length, out);
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < out_length; i++) {
    hex[2 * i] = digits[out[i] >> 4];
    hex[2 * i + 1] = digits[out[i] & 15];
  }
  hex[2 * out_length] = '\0';
  return 2 * out_length;
}

bool sha256_hex(const void *data, size_t length, char hex[65]) {
  if (sha256_of == NULL) return false;
  hex_digest(sha256_of, 32, data, length, hex);
  return true;
}

static napi_value digest_hex(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char algorithm[8] = "";
  size_t name_length = 0;
  void *data = NULL;
  size_t length = 0;
  if (argc < 2 || napi_get_value_string_utf8(env, argv[0], algorithm, sizeof algorithm, &name_length) != napi_ok ||
      napi_get_buffer_info(env, argv[1], &data, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "digestHex(algorithm, buffer)");
    return NULL;
  }
  one_shot digest = strcmp(algorithm, "sha256") == 0 ? sha256_of : strcmp(algorithm, "sha1") == 0 ? sha1_of : NULL;
  if (digest == NULL) {
    napi_throw_type_error(env, NULL, "digestHex: sha256 or sha1");
    return NULL;
  }
  char hex[65];
  size_t hex_length = hex_digest(digest, digest == sha256_of ? 32 : 20, data, length, hex);
  napi_create_string_latin1(env, hex, hex_length, &result);
  return result;
}

void register_digest(napi_env env, napi_value exports) {
  sha256_of = (one_shot)dlsym(RTLD_DEFAULT, "SHA256");
  sha1_of = (one_shot)dlsym(RTLD_DEFAULT, "SHA1");
  if (sha256_of == NULL || sha1_of == NULL) {
    sha256_of = sha1_of = NULL;
    return;
  }
  napi_value fn;
  napi_create_function(env, "digestHex", NAPI_AUTO_LENGTH, digest_hex, NULL, &fn);
  napi_set_named_property(env, exports, "digestHex", fn);
}
