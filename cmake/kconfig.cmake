# Kconfig for the kernel build (included by CMakeLists.txt).
#
# Makes ${DOTCONFIG} (build/NAME/.config) from ${DEFCONFIG} (the preset's
# configs/NAME_defconfig) and from it autoconf.h and config.cmake, through
# tools/kconfig.py. build/NAME/defconfig.used keeps a copy of the defconfig
# .config was made from, so that an edit of either one is seen:
#   - neither changed, or only .config (menuconfig): .config is used as it is;
#   - only the defconfig changed: .config is made again from it;
#   - both changed: configure stops and says how to keep one of them.
# ".config changed" means it differs from what defconfig.used gives under
# today's Kconfig, so a new option with its default is not an edit.
# The savedefconfig target writes .config's settings back to the defconfig.

find_program(KCONFIG_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(KCONFIG_FILE "${CMAKE_SOURCE_DIR}/Kconfig")
set(DOTCONFIG "${CMAKE_BINARY_DIR}/.config")
set(DEFCONFIG_USED "${CMAKE_BINARY_DIR}/defconfig.used")
set(AUTOCONF_H "${CMAKE_BINARY_DIR}/include/generated/autoconf.h")
set(CONFIG_CMAKE "${CMAKE_BINARY_DIR}/config.cmake")

# kconfig_normalized(<config file> <directory> <result var>): runs
# tools/kconfig.py gen with its outputs in <directory> (removed after), the
# config file read as a defconfig (tools/kconfig.py reads .config only where
# one exists, and there none does). Sets <result var> to the .config it
# writes, or to "" if Kconfig refused the file.
function(kconfig_normalized config dir result)
  file(REMOVE_RECURSE "${dir}")
  execute_process(
    COMMAND ${KCONFIG_PYTHON} ${CMAKE_SOURCE_DIR}/tools/kconfig.py gen ${KCONFIG_FILE} ${config}
            ${dir}/.config ${dir}/autoconf.h ${dir}/config.cmake
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  set(text "")
  if(rc EQUAL 0)
    file(READ "${dir}/.config" text)
  endif()
  file(REMOVE_RECURSE "${dir}")
  set(${result} "${text}" PARENT_SCOPE)
endfunction()

set(_kconfig_from_defconfig TRUE)
if(EXISTS "${DOTCONFIG}")
  set(_kconfig_from_defconfig FALSE)
  set(_check "${CMAKE_BINARY_DIR}/kconfig-check")
  if(EXISTS "${DEFCONFIG_USED}")
    file(SHA256 "${DEFCONFIG}" _now)
    file(SHA256 "${DEFCONFIG_USED}" _then)
    if(NOT _now STREQUAL _then)
      kconfig_normalized("${DEFCONFIG_USED}" "${_check}" _made)
      kconfig_normalized("${DOTCONFIG}" "${_check}" _current)
      if(_made STREQUAL "" OR NOT _made STREQUAL _current)
        message(FATAL_ERROR
          "${DEFCONFIG} changed since ${DOTCONFIG} was made from it, and .config was changed too "
          "(menuconfig, or by hand). The defconfig it was made from is ${DEFCONFIG_USED}: diff it "
          "with each to see the changes. Keep one of them:\n"
          "  the defconfig's: delete ${DOTCONFIG} and configure again;\n"
          "  .config's: copy ${DEFCONFIG_USED} back to ${DEFCONFIG}, then run\n"
          "    cmake --build ${CMAKE_BINARY_DIR} --target savedefconfig\n"
          "  which writes .config's settings to the defconfig.")
      endif()
      message(STATUS "kconfig: ${DEFCONFIG} changed since .config was made from it; making .config again")
      file(REMOVE "${DOTCONFIG}")
      set(_kconfig_from_defconfig TRUE)
    endif()
  else()
    # A build directory from before defconfig.used was kept: its .config
    # counts as made from the defconfig only if it is what the defconfig gives.
    kconfig_normalized("${DEFCONFIG}" "${_check}" _made)
    kconfig_normalized("${DOTCONFIG}" "${_check}" _current)
    if(_made STREQUAL "" OR NOT _made STREQUAL _current)
      message(FATAL_ERROR
        "${DOTCONFIG} is not what ${DEFCONFIG} gives, and this build directory has no record "
        "(defconfig.used) of which defconfig it was made from. Keep one of them:\n"
        "  the defconfig's: delete ${DOTCONFIG} and configure again;\n"
        "  .config's: write it to the defconfig with\n"
        "    KCONFIG_CONFIG=${DOTCONFIG} ${KCONFIG_PYTHON} -m savedefconfig --kconfig ${KCONFIG_FILE} --out ${DEFCONFIG}\n"
        "  then configure again.")
    endif()
    file(COPY_FILE "${DEFCONFIG}" "${DEFCONFIG_USED}")
  endif()
endif()

execute_process(
  COMMAND ${KCONFIG_PYTHON} ${CMAKE_SOURCE_DIR}/tools/kconfig.py gen
          ${KCONFIG_FILE} ${DEFCONFIG} ${DOTCONFIG} ${AUTOCONF_H} ${CONFIG_CMAKE}
  RESULT_VARIABLE kconfig_rc)
if(NOT kconfig_rc EQUAL 0)
  message(FATAL_ERROR "Kconfig failed (is python3-kconfiglib installed? run tools/bootstrap)")
endif()
if(_kconfig_from_defconfig)
  file(COPY_FILE "${DEFCONFIG}" "${DEFCONFIG_USED}")
endif()
include(${CONFIG_CMAKE})
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KCONFIG_FILE} ${DOTCONFIG} ${DEFCONFIG})

add_custom_target(menuconfig
  COMMAND ${CMAKE_COMMAND} -E env KCONFIG_CONFIG=${DOTCONFIG}
          ${KCONFIG_PYTHON} -m menuconfig ${KCONFIG_FILE}
  COMMAND ${CMAKE_COMMAND} ${CMAKE_BINARY_DIR}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  USES_TERMINAL)

# .config's settings, in minimal form (what differs from Kconfig's defaults),
# written over the defconfig this build was configured with; defconfig.used
# follows, so the next configure keeps .config as it is.
add_custom_target(savedefconfig
  COMMAND ${CMAKE_COMMAND} -E env KCONFIG_CONFIG=${DOTCONFIG}
          ${KCONFIG_PYTHON} -m savedefconfig --kconfig ${KCONFIG_FILE} --out ${DEFCONFIG}
  COMMAND ${CMAKE_COMMAND} -E copy ${DEFCONFIG} ${DEFCONFIG_USED}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Writing ${DOTCONFIG} in minimal form to ${DEFCONFIG}"
  VERBATIM)
