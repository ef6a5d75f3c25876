# Every board of tools/armv7mm/machines.py besides vexpress-a15 (which every
# other test boots), in this preset: the same Image, each board's default
# tree (tools/run --machine), RAM where the board has it. Where the board's
# CPU has no LPAE, an LPAE build must refuse it with head.S's message and
# status 1. Otherwise a clean boot: the tree's machine, the cache-type line
# Linux prints for the CPU, the memory bank from the board's facts, Linux's
# PSCI probe lines where QEMU offers PSCI, and power-off with status 0
# without semihosting where the board can power off by itself (PSCI, the
# vexpress system controller), so that the board's own power-off is what
# ends the run. In the two default presets (one per descriptor format) the
# in-kernel suites run too, with the boot facts of the board's RAM.

execute_process(COMMAND ${Python3_EXECUTABLE} -m armv7mm.machines
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tools
  OUTPUT_VARIABLE BOARD_ROWS RESULT_VARIABLE BOARD_ROWS_STATUS)
if(NOT BOARD_ROWS_STATUS EQUAL 0)
  message(FATAL_ERROR "python3 -m armv7mm.machines failed: ${BOARD_ROWS_STATUS}")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/armv7mm/machines.py)
string(STRIP "${BOARD_ROWS}" BOARD_ROWS)
string(REPLACE "\n" ";" BOARD_ROWS "${BOARD_ROWS}")

# Linux's instruction-cache word for each CPU (Debian's boots of these boards).
set(ICACHE_cortex-a15 "PIPT")
set(ICACHE_cortex-a7 "VIPT aliasing")
set(ICACHE_cortex-a9 "VIPT nonaliasing")
set(PSCI_LINES
  --expect "^psci: probing for conduit method from DT\\.$"
  --expect "^psci: PSCIv1\\.1 detected in firmware\\.$"
  --expect "^psci: Using standard PSCI v0\\.2 function IDs$"
  --expect "^psci: Trusted OS migration not required$"
  --expect "^psci: SMC Calling Convention v1\\.0$")

foreach(row ${BOARD_ROWS})
  string(REPLACE "|" ";" fields "${row}")
  list(GET fields 0 board)
  list(GET fields 1 cpu)
  list(GET fields 2 lpae)
  list(GET fields 3 base_mib)
  list(GET fields 4 mem_mib)
  list(GET fields 5 psci)
  if(board STREQUAL "vexpress-a15")
    continue()
  endif()
  if(CONFIG_ARM_LPAE AND NOT lpae)
    boot_test(board.${board}
      CHECK --status 1
            --expect "^Error: Kernel with LPAE support, but CPU does not support LPAE\\. MIDR=0x[0-9a-f]{8}$"
            --reject "^Booting Linux"
      RUN --machine ${board})
    continue()
  endif()

  math(EXPR base_hex "${base_mib} * 1048576" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR size_hex "${mem_mib} * 1048576" OUTPUT_FORMAT HEXADECIMAL)
  string(TOLOWER "${base_hex}" base_hex)
  string(TOLOWER "${size_hex}" size_hex)
  string(REGEX REPLACE "^0x" "" base_hex "${base_hex}")
  string(REGEX REPLACE "^0x" "" size_hex "${size_hex}")
  set(check
    --expect "^Booting Linux on physical CPU 0x[0-9a-f]+$"
    --expect "^CPU: PIPT / VIPT nonaliasing data cache, ${ICACHE_${cpu}} instruction cache$"
    --expect "^OF: fdt: Machine model: "
    --expect "^OF: fdt:  - ${base_hex}, ${size_hex}$")
  if(psci)
    list(APPEND check ${PSCI_LINES})
  else()
    list(APPEND check --reject "^psci: ")
  endif()
  list(APPEND check --expect "^reboot: Power down$" --reject "Kernel panic")
  set(facts)
  if(NOT board MATCHES "^vexpress-")
    set(facts non-vexpress)
  endif()

  if(CONFIG_VMSPLIT_3G AND CONFIG_HIGHMEM)
    set(BOOT_RAM_BASE_MIB ${base_mib})
    boot_facts(board_facts ${mem_mib} 240 ${facts})
    unset(BOOT_RAM_BASE_MIB)
    boot_test(board.${board}-ktest
      CHECK --ktap ${check}
      FACTS ${board_facts}
      RUN --machine ${board} --append ktest)
    set_tests_properties(boot.board.${board}-ktest PROPERTIES TIMEOUT 300)
  endif()
  if(psci OR board MATCHES "^vexpress-")
    # Nothing but the board's own power-off can end this run with status 0.
    boot_test(board.${board}
      CHECK ${check}
      RUN --machine ${board} -- -semihosting-config enable=off)
  else()
    boot_test(board.${board}
      CHECK ${check}
      RUN --machine ${board})
  endif()
endforeach()

# midway with 4 GiB from 0 in a classic build: a size phys_addr_t cannot
# hold, so the last page is dropped with Linux's message (Linux loses the
# whole bank) and the rest boots. With highmem only: without it the
# Memory: line counts lowmem alone.
if(NOT CONFIG_ARM_LPAE AND CONFIG_HIGHMEM)
  boot_test(board.midway-4g
    CHECK --expect "^OF: fdt: Ignoring memory range 0xfffff000 - 0x100000000$"
          --expect "^Memory: [0-9]+K/4194300K available "
          --expect "^reboot: Power down$" --reject "Kernel panic"
    RUN --machine midway --mem 4096 -- -semihosting-config enable=off)
endif()

# raspi2b: QEMU's secondary CPUs spin in the first page of RAM; the tree's
# /memreserve/ keeps it from the allocator, and the tree's 64 MiB CMA pool
# lands where Debian's boot puts it (the top of the ARM's 960 MiB) when
# there is highmem; without, at the top of lowmem (768 MiB: 0x30000000 - 64 MiB).
# LPAE builds print 64-bit physical addresses: Z is their extra zeros.
set(Z "(00000000)?")
if(CONFIG_HIGHMEM)
  set(RASPI_CMA_AT "38000000")
else()
  set(RASPI_CMA_AT "2c000000")
endif()
boot_test(board.raspi2b-low-ram
  CHECK --expect "^memblock_reserve: \\x5b0x${Z}00000000-0x${Z}00000fff\\x5d early_init_fdt_scan_reserved_mem\\+"
        --expect "^Reserved memory: created CMA memory pool at 0x${Z}${RASPI_CMA_AT}, size 64 MiB$"
        --expect "^ reserved\\x5b0x0\\x5d\t\\x5b0x${Z}00000000-0x${Z}00000fff\\x5d, 0x${Z}00001000 bytes flags: 0x0$"
        --expect "^reboot: Power down$"
  RUN --machine raspi2b --append memblock=debug)
