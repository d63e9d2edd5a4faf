/* native/digest.c: digestHex, registered on the addon's exports by stamps.c's init. */
#ifndef CUSTODIAN_DIGEST_H
#define CUSTODIAN_DIGEST_H
#include <node_api.h>

void register_digest(napi_env env, napi_value exports);

#endif
