{
  "targets": [
    {
      "target_name": "custodian_native",
      "sources": ["native/stamps.c", "native/spawn_process.c", "native/digest.c", "native/read_file.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
