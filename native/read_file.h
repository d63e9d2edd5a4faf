/* native/read_file.c: readRegularFile, registered on the addon's exports by stamps.c's init. */
#ifndef CUSTODIAN_READ_FILE_H
#define CUSTODIAN_READ_FILE_H
#include <node_api.h>

void register_read_file(napi_env env, napi_value exports);

#endif
