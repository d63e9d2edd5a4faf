/* native/digest.c: digestHex, registered on the addon's exports by stamps.c's init. */
#ifndef CUSTODIAN_DIGEST_H
#define CUSTODIAN_DIGEST_H
#include <node_api.h>
#include <stdbool.h>
#include <stddef.h>

void register_digest(napi_env env, napi_value exports);

/* The sha256 of the bytes as 64 lower-case hex digits and a NUL; false where Node carries no OpenSSL to call (see digest.c). */
bool sha256_hex(const void *data, size_t length, char hex[65]);

#endif
