# SMP (kernel/smp-boot.c, kernel/psci_smp.c, platform/vexpress/platsmp.c,
# docs/smp.md): Linux's bring-up lines in its order, then every in-kernel
# suite, the smp storms among them, with all CPUs on.

# vexpress-a15, two CPUs through the boot loader's holding pen.
boot_test(smp2
  CHECK --ktap
        --expect "^CPU0: thread -1, cpu 0, socket 0, mpidr 80000000$"
        --expect "^Setting up static identity map for 0x[0-9a-f]+ - 0x[0-9a-f]+$"
        --expect "^smp: Bringing up secondary CPUs \\.\\.\\.$"
        --expect "^CPU1: thread -1, cpu 1, socket 0, mpidr 80000001$"
        --expect "^smp: Brought up 1 node, 2 CPUs$"
        --expect "^ktest smp: CPU[01] line 20 of 20$" --expect "^ktest smp: CPU[01] line 20 of 20$"
        --reject "ktest smp: .*ktest smp: " --reject "\\x5d ktest smp: " --reject "^ktest smp: .* of 20."
        --expect "^reboot: Power down$"
  FACTS ${FACTS_1G}
  RUN --smp 2 --append ktest)
# One CPU, as QEMU's default: the DT's second CPU fails as on Linux (-ENOSYS),
# and nothing is set up for it (no identity map).
boot_test(smp1
  CHECK --expect "^CPU0: thread -1, cpu 0, socket 0, mpidr 80000000$"
        --expect "^smp: Bringing up secondary CPUs \\.\\.\\.$"
        --expect "^CPU1: failed to boot: -38$"
        --expect "^smp: Brought up 1 node, 1 CPU$"
        --reject "identity map"
        --expect "^reboot: Power down$")
# This build's configuration without the zone lock (CONFIG_SMP_TEST_NO_ZONE_LOCK), built
# beside this one: the smp suite must not pass with two CPUs. It fails as a
# race makes it fail: a bad owner tag or counter ("not ok"), or an oops;
# never a hang (status 124) nor a pass.
set(NZL_DIR ${CMAKE_BINARY_DIR}/smp-no-zone-lock)
add_test(NAME boot.smp-no-zone-lock
  COMMAND sh -c "set -e; sed '/SMP_TEST_NO_ZONE_LOCK/d' \"$2\" > \"$1_defconfig\"; echo 'CONFIG_SMP_TEST_NO_ZONE_LOCK=y' >> \"$1_defconfig\"; cmake -S \"$3\" -B \"$1\" -G Ninja -DCMAKE_TOOLCHAIN_FILE=\"$3/cmake/arm-none-eabi.cmake\" -DDEFCONFIG=\"$1_defconfig\" > /dev/null; cmake --build \"$1\" > /dev/null; set +e; out=$(\"$3/tools/run\" --build-dir \"$1\" --timeout 120 --smp 2 --append ktest=smp 2>&1); st=$?; printf '%s\\n' \"$out\"; echo \"run status $st\"; [ $st -ne 0 ] && [ $st -ne 124 ] || exit 1; printf '%s\\n' \"$out\" | grep -Eq '\\] ok [0-9]+ smp' && exit 1; printf '%s\\n' \"$out\" | grep -Eq 'not ok [0-9]+ (page|slab|vmalloc|kmap|mixed)_storm|Internal error: Oops'"
          sh ${NZL_DIR} ${CMAKE_BINARY_DIR}/.config ${CMAKE_SOURCE_DIR})
set_tests_properties(boot.smp-no-zone-lock PROPERTIES TIMEOUT 600)

# virt, four CPUs through PSCI CPU_ON, in the two default presets (one per
# descriptor format). The lines are those of Debian's kernel on the same
# QEMU command (virt -smp 4): one per secondary CPU, its MPIDR with the
# multiprocessor-extensions bit (31) set and Aff0 the CPU's number.
if(CONFIG_VMSPLIT_3G AND CONFIG_HIGHMEM)
  set(BOOT_RAM_BASE_MIB 1024)
  boot_facts(VIRT_FACTS 1024 240 non-vexpress)
  unset(BOOT_RAM_BASE_MIB)
  boot_test(smp4-virt
    CHECK --ktap
          --expect "^CPU0: thread -1, cpu 0, socket 0, mpidr 80000000$"
          --expect "^Setting up static identity map for 0x[0-9a-f]+ - 0x[0-9a-f]+$"
          --expect "^smp: Bringing up secondary CPUs \\.\\.\\.$"
          --expect "^CPU1: thread -1, cpu 1, socket 0, mpidr 80000001$"
          --expect "^CPU2: thread -1, cpu 2, socket 0, mpidr 80000002$"
          --expect "^CPU3: thread -1, cpu 3, socket 0, mpidr 80000003$"
          --expect "^smp: Brought up 1 node, 4 CPUs$"
          --reject "failed to boot"
          --reject "ktest smp: .*ktest smp: " --reject "\\x5d ktest smp: " --reject "^ktest smp: .* of 20."
          --expect "^reboot: Power down$"
    FACTS ${VIRT_FACTS}
    RUN --machine virt --smp 4 --append ktest --timeout 240)
  set_tests_properties(boot.smp4-virt PROPERTIES TIMEOUT 300)
endif()
