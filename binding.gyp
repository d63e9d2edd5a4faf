{
  "targets": [
    {
      "target_name": "custodian_stamps",
      "sources": ["native/stamps.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
