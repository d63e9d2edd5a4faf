/* Small N-API helpers that more than one C file of the addon needs. */
#ifndef CUSTODIAN_NAPI_HELPERS_H
#define CUSTODIAN_NAPI_HELPERS_H
#include <node_api.h>
#include <stdlib.h>

/* `value`'s UTF-8 bytes, NUL-terminated, their count in *length; NULL when it is not a string. The caller frees it. */
static inline char *utf8_of(napi_env env, napi_value value, size_t *length) {
  if (napi_get_value_string_utf8(env, value, NULL, 0, length) != napi_ok) return NULL;
  char *text = malloc(*length + 1);
  if (text == NULL) return NULL;
  if (napi_get_value_string_utf8(env, value, text, *length + 1, length) != napi_ok) {
    free(text);
    return NULL;
  }
  return text;
}

/* JavaScript's null, for a function that answers "nothing" or "not here". */
static inline napi_value null_value(napi_env env) {
  napi_value out;
  napi_get_null(env, &out);
  return out;
}

#endif
