# Driven by ctest: cmake -DMODE=... -P package_test.cmake
#   MODE=install     install the build tree into PREFIX
#   MODE=find        build and run the consumer against PREFIX with COMPONENTS (;-list)
#   MODE=missing_dependency  configure with CURL or OpenSSL hidden; expect the Debian package name
#   MODE=subdir      build and run the add_subdirectory consumer from SOURCE
#   MODE=subdir_json add_subdirectory under a parent that provides nlohmann_json::nlohmann_json
#   MODE=core_only   install without curl, webhook and testing; check the tree; build and run a consumer
#   MODE=pkgconfig   compile the consumer with pkg-config flags from PREFIX
#   MODE=vcpkg       configure and install as the vcpkg port does, then check the tree
cmake_minimum_required(VERSION 3.16)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# Configures SRC into a fresh BIN with the given cache arguments, builds it and runs BIN/EXE.
function(build_and_run src bin exe)
  file(REMOVE_RECURSE "${bin}")
  run(${CMAKE_COMMAND} -S "${src}" -B "${bin}" ${ARGN})
  run(${CMAKE_COMMAND} --build "${bin}")
  run("${bin}/${exe}")
  set(LAST_OUTPUT "${LAST_OUTPUT}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}")
  foreach(f include/stripe/connect.hpp include/stripe/webhook.hpp include/stripe/http/curl_transport.hpp
            include/stripe/testing/simulator.hpp include/stripe/testing/sim_requirements.hpp
            include/stripe/testing/param_schema.hpp include/stripe/testing/recording_transport.hpp
            share/stripe_connect/stripe_connectConfig.cmake
            share/stripe_connect/stripe_connectConfigVersion.cmake
            share/stripe_connect/stripe_connectTargets.cmake
            share/pkgconfig/stripe_connect.pc share/pkgconfig/stripe_connect_curl.pc
            share/pkgconfig/stripe_connect_webhook.pc share/pkgconfig/stripe_connect_testing.pc
            share/doc/stripe_connect/LICENSE)
    if(NOT EXISTS "${PREFIX}/${f}")
      message(FATAL_ERROR "install tree lacks ${f}")
    endif()
  endforeach()
  file(READ "${PREFIX}/share/stripe_connect/stripe_connectConfigVersion.cmake" version_file)
  string(FIND "${version_file}" "requested no architecture check, don't perform the check\nif(\"TRUE\")" arch_free)
  if(arch_free EQUAL -1)
    message(FATAL_ERROR "the version file must be architecture independent")
  endif()
elseif(MODE STREQUAL "find")
  string(REPLACE "," ";" comps "${COMPONENTS}")
  build_and_run("${SOURCE}/tests/package/consumer" "${WORK}/find-${NAME}" consumer "-DCMAKE_PREFIX_PATH=${PREFIX}"
                "-DCOMPONENTS=${comps}")
  if(NOT LAST_OUTPUT MATCHES "consumer ok")
    message(FATAL_ERROR "consumer printed: ${LAST_OUTPUT}")
  endif()
elseif(MODE STREQUAL "missing")
  # Asking for a component the install does not have fails with a clear message.
  set(bin "${WORK}/find-missing")
  file(REMOVE_RECURSE "${bin}")
  execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}/tests/package/consumer" -B "${bin}"
                  "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCOMPONENTS=teleport" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT err MATCHES "Unknown stripe_connect component: teleport")
    message(FATAL_ERROR "expected a clear failure, got ${rc}: ${out}${err}")
  endif()
elseif(MODE STREQUAL "missing_dependency")
  # Configuring with an optional dependency hidden names the Debian package that provides it.
  foreach(dep "CURL;libcurl4-openssl-dev" "OpenSSL;libssl-dev")
    list(GET dep 0 pkg)
    list(GET dep 1 debian)
    set(bin "${WORK}/missing-${pkg}")
    file(REMOVE_RECURSE "${bin}")
    execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${bin}" -DSTRIPE_CONNECT_BUILD_TESTS=OFF
                    -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF -DCMAKE_DISABLE_FIND_PACKAGE_${pkg}=ON
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(REGEX REPLACE "[ \n]+" " " err "${err}")  # CMake wraps long messages
    if(rc EQUAL 0 OR NOT err MATCHES "apt-get install ${debian}")
      message(FATAL_ERROR "hiding ${pkg} must fail naming ${debian}, got ${rc}: ${out}${err}")
    endif()
  endforeach()
elseif(MODE STREQUAL "subdir")
  build_and_run("${SOURCE}/tests/package/subdir" "${WORK}/subdir" consumer "-DSTRIPE_CONNECT_SOURCE=${SOURCE}")
  if(NOT LAST_OUTPUT MATCHES "deliveries verified")
    message(FATAL_ERROR "consumer printed: ${LAST_OUTPUT}")
  endif()
elseif(MODE STREQUAL "subdir_json")
  # Any find_package(nlohmann_json) would now fail: the SDK must take the parent's target.
  build_and_run("${SOURCE}/tests/package/subdir_json" "${WORK}/subdir-json" consumer "-DSTRIPE_CONNECT_SOURCE=${SOURCE}"
                -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON)
elseif(MODE STREQUAL "core_only")
  set(bin "${WORK}/core-only-build")
  set(core "${WORK}/core-only-prefix")
  file(REMOVE_RECURSE "${bin}" "${core}")
  run(${CMAKE_COMMAND} -S "${SOURCE}" -B "${bin}" -DSTRIPE_CONNECT_BUILD_TESTS=OFF -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF
      -DSTRIPE_CONNECT_WITH_CURL=OFF -DSTRIPE_CONNECT_WITH_WEBHOOK=OFF -DSTRIPE_CONNECT_INSTALL=ON)
  run(${CMAKE_COMMAND} --install "${bin}" --prefix "${core}")
  # Only the core's headers and files: nothing that needs libcurl or OpenSSL.
  foreach(f include/stripe/http/curl_transport.hpp include/stripe/webhook.hpp include/stripe/testing/simulator.hpp
            include/stripe/testing/sim_requirements.hpp include/stripe/testing/param_schema.hpp
            share/pkgconfig/stripe_connect_curl.pc share/pkgconfig/stripe_connect_webhook.pc
            share/pkgconfig/stripe_connect_testing.pc)
    if(EXISTS "${core}/${f}")
      message(FATAL_ERROR "a core-only install must not install ${f}")
    endif()
  endforeach()
  foreach(f include/stripe/connect.hpp include/stripe/onboarding.hpp include/stripe/testing/recording_transport.hpp
            share/pkgconfig/stripe_connect.pc)
    if(NOT EXISTS "${core}/${f}")
      message(FATAL_ERROR "core-only install lacks ${f}")
    endif()
  endforeach()
  # Every installed header's includes resolve inside the tree or to the standard library and
  # nlohmann/json: a core header that included a component header would fail here. An include
  # under #if defined(STRIPE_CONNECT_HAS_CURL) is the curl component's (its target defines it).
  file(GLOB_RECURSE headers RELATIVE "${core}/include" "${core}/include/*.hpp")
  foreach(h IN LISTS headers)
    file(STRINGS "${core}/include/${h}" includes REGEX "^#(include|if|endif)")
    set(curl_only OFF)
    foreach(line IN LISTS includes)
      if(line MATCHES "^#if.*STRIPE_CONNECT_HAS_CURL")
        set(curl_only ON)
      elseif(line MATCHES "^#endif")
        set(curl_only OFF)
      elseif(curl_only)
        continue()
      elseif(line MATCHES "^#include [<\"](stripe/[^>\"]+)[>\"]")
        if(NOT EXISTS "${core}/include/${CMAKE_MATCH_1}")
          message(FATAL_ERROR "${h} includes ${CMAKE_MATCH_1}, which a core-only install does not have")
        endif()
      elseif(line MATCHES "^#include <(openssl|curl)/")
        message(FATAL_ERROR "${h} needs ${CMAKE_MATCH_1} but is installed with the core: ${line}")
      endif()
    endforeach()
  endforeach()
  file(READ "${core}/share/stripe_connect/stripe_connectTargets.cmake" targets)
  if(targets MATCHES "CURL::|OpenSSL::|stripe_connect::curl|stripe_connect::webhook|stripe_connect::testing")
    message(FATAL_ERROR "the core-only package must export only the core target")
  endif()
  build_and_run("${SOURCE}/tests/package/consumer" "${WORK}/core-only-consumer" consumer "-DCMAKE_PREFIX_PATH=${core}")
  if(NOT LAST_OUTPUT MATCHES "consumer ok")
    message(FATAL_ERROR "consumer printed: ${LAST_OUTPUT}")
  endif()
  # Asking the core-only package for a component fails with a message that says why.
  execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}/tests/package/consumer" -B "${WORK}/core-only-testing"
                  "-DCMAKE_PREFIX_PATH=${core}" "-DCOMPONENTS=testing" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT err MATCHES "installed without the testing component")
    message(FATAL_ERROR "expected a clear failure, got ${rc}: ${out}${err}")
  endif()
elseif(MODE STREQUAL "pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
  run(pkg-config --cflags --libs stripe_connect_curl stripe_connect_testing)  # testing brings webhook
  string(STRIP "${LAST_OUTPUT}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CXX} -std=c++17 -DWITH_CURL -DWITH_WEBHOOK -DWITH_TESTING "${SOURCE}/tests/package/consumer/main.cpp"
      -o "${WORK}/pkgconfig-consumer" ${flags})
  run("${WORK}/pkgconfig-consumer")
  run(pkg-config --modversion stripe_connect)
  string(STRIP "${LAST_OUTPUT}" v)
  if(NOT v STREQUAL VERSION)
    message(FATAL_ERROR "pkg-config version ${v}, expected ${VERSION}")
  endif()
elseif(MODE STREQUAL "vcpkg")
  # The port's manifest carries the version; it must be the one in version.hpp.
  file(READ "${SOURCE}/packaging/vcpkg/ports/stripe-connect/vcpkg.json" manifest)
  string(JSON port_version GET "${manifest}" "version-semver")
  if(NOT port_version STREQUAL VERSION)
    message(FATAL_ERROR "vcpkg.json says ${port_version}, version.hpp says ${VERSION}")
  endif()
  # What packaging/vcpkg/ports/stripe-connect/portfile.cmake does, minus the download.
  set(bin "${WORK}/vcpkg-build")
  set(pkg "${WORK}/vcpkg-package")
  file(REMOVE_RECURSE "${bin}" "${pkg}")
  run(${CMAKE_COMMAND} -S "${SOURCE}" -B "${bin}" -DCMAKE_BUILD_TYPE=Release -DSTRIPE_CONNECT_BUILD_TESTS=OFF
      -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF -DSTRIPE_CONNECT_WITH_CURL=ON -DSTRIPE_CONNECT_WITH_WEBHOOK=OFF
      -DSTRIPE_CONNECT_INSTALL=ON)
  run(${CMAKE_COMMAND} --install "${bin}" --prefix "${pkg}")
  # vcpkg_cmake_config_fixup(PACKAGE_NAME stripe_connect CONFIG_PATH share/stripe_connect) finds the
  # config where it already is: nothing moves, so no relative path changes.
  file(READ "${pkg}/share/stripe_connect/stripe_connectTargets.cmake" targets)
  if(NOT targets MATCHES "stripe_connect::curl" OR targets MATCHES "stripe_connect::webhook")
    message(FATAL_ERROR "the curl feature alone must export curl and not webhook")
  endif()
  if(targets MATCHES "${SOURCE}" OR targets MATCHES "${bin}")
    message(FATAL_ERROR "installed targets refer to the build or source tree")
  endif()
  foreach(f include/stripe/connect.hpp share/doc/stripe_connect/LICENSE)
    if(NOT EXISTS "${pkg}/${f}")
      message(FATAL_ERROR "port tree lacks ${f}")
    endif()
  endforeach()
  file(GLOB_RECURSE libs "${pkg}/lib/*")
  if(libs)
    message(FATAL_ERROR "a header-only port installs no libraries: ${libs}")
  endif()
  # The conan test_package builds with plain CMake against this tree.
  build_and_run("${SOURCE}/packaging/conan/test_package" "${WORK}/conan-test-package" test_package
                "-DCMAKE_PREFIX_PATH=${pkg}" "-Dstripe_connect_DIR=${pkg}/share/stripe_connect")
else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
