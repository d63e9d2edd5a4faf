/* native/spawn_process.c: spawnProcess and killProcess, registered on the addon's exports by stamps.c's init. */
#ifndef CUSTODIAN_SPAWN_PROCESS_H
#define CUSTODIAN_SPAWN_PROCESS_H
#include <node_api.h>

void register_spawn(napi_env env, napi_value exports);

#endif
