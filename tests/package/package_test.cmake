# Driven by ctest: cmake -DMODE=... -P package_test.cmake
#   MODE=install     install the build tree into PREFIX
#   MODE=find        build and run the consumer against PREFIX with COMPONENTS (;-list)
#   MODE=missing_dependency  configure with CURL or OpenSSL hidden; expect the Debian package name
#   MODE=subdir      build and run the add_subdirectory consumer from SOURCE
#   MODE=subdir_json add_subdirectory under a parent that provides nlohmann_json::nlohmann_json
#   MODE=core_only   install without curl, webhook and testing; check the tree; build and run a consumer
#   MODE=pkgconfig   compile the consumer with pkg-config flags from PREFIX
#   MODE=compiled    build and install with STRIPE_CONNECT_COMPILED=ON; build and run the consumer
#                    through find_package and through pkg-config; check that the consumer's own
#                    object code holds no copy of the request path or of a service
#   MODE=release     check the packaging files against version.hpp; run scripts/release.sh
#                    (--dry-run, then for real) in a scratch repository with this checkout's files
#   MODE=vcpkg       run the released port's portfile with tests/package/vcpkg_stub.cmake for
#                    FEATURES, check the tree, build the conan test_package against it
cmake_minimum_required(VERSION 3.16)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# Compiles the consumer with every component through the .pc files in PC_DIR and runs it as EXE;
# PKG_FLAGS (in the caller) holds what pkg-config gave, LAST_OUTPUT what the consumer printed.
function(build_and_run_with_pkg_config pc_dir exe)
  set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
  run(pkg-config --cflags --libs stripe_connect_curl stripe_connect_testing)  # testing brings webhook
  string(STRIP "${LAST_OUTPUT}" flags)
  set(PKG_FLAGS "${flags}" PARENT_SCOPE)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CXX} -std=c++17 -DWITH_CURL -DWITH_WEBHOOK -DWITH_TESTING "${SOURCE}/tests/package/consumer/main.cpp"
      -o "${exe}" ${flags})
  run("${exe}")
  set(LAST_OUTPUT "${LAST_OUTPUT}" PARENT_SCOPE)
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
            include/stripe/testing/sim/state.hpp include/stripe/testing/sim/routes.hpp
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
  # Commas, not semicolons: a ;-list would reach the consumer's configure as separate arguments.
  build_and_run("${SOURCE}/tests/package/consumer" "${WORK}/find-${NAME}" consumer "-DCMAKE_PREFIX_PATH=${PREFIX}"
                "-DCOMPONENTS=${COMPONENTS}")
  set(expected "consumer ok")
  if(COMPONENTS MATCHES "testing")
    set(expected "deliveries verified")  # the simulator ran: the testing component was really used
  endif()
  if(NOT LAST_OUTPUT MATCHES "${expected}")
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
            include/stripe/testing/sim/state.hpp
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
  build_and_run_with_pkg_config("${PREFIX}/share/pkgconfig" "${WORK}/pkgconfig-consumer")
  run(pkg-config --modversion stripe_connect)
  string(STRIP "${LAST_OUTPUT}" v)
  if(NOT v STREQUAL VERSION)
    message(FATAL_ERROR "pkg-config version ${v}, expected ${VERSION}")
  endif()
elseif(MODE STREQUAL "compiled")
  set(bin "${WORK}/compiled-build")
  set(lib_prefix "${WORK}/compiled-prefix")
  file(REMOVE_RECURSE "${bin}" "${lib_prefix}")
  run(${CMAKE_COMMAND} -S "${SOURCE}" -B "${bin}" -DSTRIPE_CONNECT_BUILD_TESTS=OFF -DSTRIPE_CONNECT_BUILD_EXAMPLES=OFF
      -DSTRIPE_CONNECT_COMPILED=ON -DSTRIPE_CONNECT_INSTALL=ON -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_BUILD_TYPE=Release)
  run(${CMAKE_COMMAND} --build "${bin}")
  run(${CMAKE_COMMAND} --install "${bin}" --prefix "${lib_prefix}")
  foreach(f lib/libstripe_connect.a lib/libstripe_connect_curl.a lib/cmake/stripe_connect/stripe_connectConfig.cmake
            lib/pkgconfig/stripe_connect.pc lib/pkgconfig/stripe_connect_curl.pc include/stripe/client-inl.hpp)
    if(NOT EXISTS "${lib_prefix}/${f}")
      message(FATAL_ERROR "compiled install tree lacks ${f}")
    endif()
  endforeach()
  build_and_run("${SOURCE}/tests/package/consumer" "${WORK}/compiled-find" consumer "-DCMAKE_PREFIX_PATH=${lib_prefix}"
                "-DCOMPONENTS=curl,webhook,testing")
  if(NOT LAST_OUTPUT MATCHES "deliveries verified")
    message(FATAL_ERROR "consumer printed: ${LAST_OUTPUT}")
  endif()
  # The consumer's object defines no function of the pipeline or of a service: they come from the
  # libraries (nm: T or W marks a definition).
  file(GLOB_RECURSE objects "${WORK}/compiled-find/*main.cpp.o")
  run(nm -C ${objects})
  string(REGEX MATCHALL "[^\n]* [TW] [^\n]*" defined "${LAST_OUTPUT}")
  foreach(symbol "stripe::Client::Client(stripe::ClientOptions" "stripe::Client::send(" "stripe::detail::prepare_call("
                 "BasicAccountLinkService<void>::create(" "BasicAccountService<void>::create(" "curl_easy_")
    string(FIND "${defined}" "${symbol}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "the consumer compiled its own ${symbol}: compiled mode leaks definitions")
    endif()
  endforeach()
  build_and_run_with_pkg_config("${lib_prefix}/lib/pkgconfig" "${WORK}/compiled-pkgconfig-consumer")
  if(NOT PKG_FLAGS MATCHES "-DSTRIPE_CONNECT_COMPILED=1" OR NOT PKG_FLAGS MATCHES "-lstripe_connect_curl .*-lstripe_connect ")
    message(FATAL_ERROR "pkg-config flags of the compiled install: ${PKG_FLAGS}")
  endif()
  if(NOT LAST_OUTPUT MATCHES "deliveries verified")
    message(FATAL_ERROR "pkg-config consumer printed: ${LAST_OUTPUT}")
  endif()
elseif(MODE STREQUAL "release")
  # The packaging files in the checkout agree with version.hpp, and with the tag's archive when
  # that release was made here.
  set(port "${SOURCE}/packaging/vcpkg/ports/stripe-connect")
  set(recipes "${SOURCE}/packaging/conan/recipes/stripe_connect")
  file(READ "${port}/vcpkg.json" manifest)
  string(JSON port_version GET "${manifest}" "version-semver")
  if(NOT port_version STREQUAL VERSION)
    message(FATAL_ERROR "vcpkg.json says ${port_version}, version.hpp says ${VERSION}")
  endif()
  file(READ "${recipes}/config.yml" config_yml)
  file(READ "${recipes}/all/conandata.yml" conandata)
  if(NOT config_yml MATCHES "\"${VERSION}\":\n +folder: all" OR NOT conandata MATCHES "\"${VERSION}\":\n +url: ")
    message(FATAL_ERROR "the conan recipe has no entry for ${VERSION} in config.yml or conandata.yml")
  endif()
  file(STRINGS "${port}/portfile.cmake" sha_line REGEX "^ *SHA512 ")
  string(REGEX REPLACE "^ *SHA512 " "" port_sha512 "${sha_line}")
  execute_process(COMMAND git -C "${SOURCE}" rev-parse -q --verify "refs/tags/v${VERSION}" RESULT_VARIABLE no_tag
                  OUTPUT_QUIET ERROR_QUIET)
  if(no_tag EQUAL 0)
    execute_process(COMMAND git -C "${SOURCE}" archive --format=tar --prefix=stripe_connect-${VERSION}/ v${VERSION}
                    COMMAND gzip -n OUTPUT_FILE "${WORK}/tagged.tar.gz" RESULT_VARIABLE rc)
    file(SHA512 "${WORK}/tagged.tar.gz" tagged)
    if(NOT port_sha512 STREQUAL tagged)
      message(FATAL_ERROR "the port's SHA512 is not the hash of the v${VERSION} archive (${tagged})")
    endif()
  elseif(NOT port_sha512 STREQUAL "0")
    message(FATAL_ERROR "no tag v${VERSION} here, yet the port has a SHA512: where is it from?")
  endif()

  # A repository with the files of this checkout (committed or not), where tags are scratch.
  set(repo "${WORK}/release-repo")
  file(REMOVE_RECURSE "${repo}")
  file(MAKE_DIRECTORY "${repo}")
  execute_process(COMMAND git -C "${SOURCE}" ls-files -co --exclude-standard OUTPUT_VARIABLE files RESULT_VARIABLE rc)
  string(REPLACE "\n" ";" files "${files}")
  foreach(f IN LISTS files)
    if(f AND EXISTS "${SOURCE}/${f}" AND NOT IS_DIRECTORY "${SOURCE}/${f}")
      get_filename_component(dir "${repo}/${f}" DIRECTORY)
      file(COPY "${SOURCE}/${f}" DESTINATION "${dir}")
    endif()
  endforeach()
  foreach(v NAME EMAIL)
    set(ENV{GIT_AUTHOR_${v}} "release test")
    set(ENV{GIT_COMMITTER_${v}} "release test")
  endforeach()
  set(ENV{GIT_AUTHOR_EMAIL} "release-test@example.invalid")
  set(ENV{GIT_COMMITTER_EMAIL} "release-test@example.invalid")
  run(git -C "${repo}" init -q)
  run(git -C "${repo}" add -A)
  run(git -C "${repo}" commit -q -m "checkout under test")
  # Make sure there is an Unreleased section to release, whatever the checkout's CHANGELOG says.
  file(READ "${repo}/CHANGELOG.md" changelog)
  if(NOT changelog MATCHES "\n## Unreleased")
    string(FIND "${changelog}" "\n## " at)
    string(SUBSTRING "${changelog}" 0 ${at} head)
    string(SUBSTRING "${changelog}" ${at} -1 tail)
    file(WRITE "${repo}/CHANGELOG.md" "${head}\n## Unreleased\n\n- Test entry.\n${tail}")
    run(git -C "${repo}" commit -q -am "Unreleased section")
  endif()
  execute_process(COMMAND git -C "${repo}" rev-parse HEAD OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(ENV{RELEASE_DATE} "2030-01-02")

  # --dry-run reports and changes nothing.
  run("${repo}/scripts/release.sh" --dry-run 9.8.7)
  if(NOT LAST_OUTPUT MATCHES "stripe_connect-9.8.7.tar.gz" OR NOT LAST_OUTPUT MATCHES "sha512 +[0-9a-f]+"
     OR NOT LAST_OUTPUT MATCHES "Release 9.8.7")
    message(FATAL_ERROR "the dry run did not report the release:\n${LAST_OUTPUT}")
  endif()
  execute_process(COMMAND git -C "${repo}" rev-parse HEAD OUTPUT_VARIABLE after OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND git -C "${repo}" status --porcelain OUTPUT_VARIABLE dirty)
  execute_process(COMMAND git -C "${repo}" tag OUTPUT_VARIABLE tags)
  if(NOT after STREQUAL head OR dirty OR tags OR EXISTS "${repo}/dist")
    message(FATAL_ERROR "the dry run changed the repository: HEAD ${after}, status '${dirty}', tags '${tags}'")
  endif()

  # The release itself.
  run("${repo}/scripts/release.sh" 9.8.7)
  execute_process(COMMAND git -C "${repo}" cat-file -t v9.8.7 OUTPUT_VARIABLE tag_type OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT tag_type STREQUAL "tag")
    message(FATAL_ERROR "v9.8.7 must be an annotated tag, is '${tag_type}'")
  endif()
  execute_process(COMMAND git -C "${repo}" status --porcelain --untracked-files=no OUTPUT_VARIABLE dirty)
  if(dirty)
    message(FATAL_ERROR "the release left uncommitted changes: ${dirty}")
  endif()
  execute_process(COMMAND git -C "${repo}" show v9.8.7:include/stripe/version.hpp OUTPUT_VARIABLE tagged_header)
  execute_process(COMMAND git -C "${repo}" show v9.8.7:CHANGELOG.md OUTPUT_VARIABLE tagged_changelog)
  if(NOT tagged_header MATCHES "#define STRIPE_CONNECT_VERSION \"9.8.7\"" OR NOT tagged_header MATCHES "VERSION_MAJOR 9\n"
     OR NOT tagged_header MATCHES "VERSION_MINOR 8\n" OR NOT tagged_header MATCHES "VERSION_PATCH 7\n")
    message(FATAL_ERROR "the tagged version.hpp is not 9.8.7:\n${tagged_header}")
  endif()
  if(NOT tagged_changelog MATCHES "\n## 9.8.7 — 2030-01-02\n" OR tagged_changelog MATCHES "## Unreleased")
    message(FATAL_ERROR "the tagged CHANGELOG has no 9.8.7 heading")
  endif()
  set(archive "${repo}/dist/stripe_connect-9.8.7.tar.gz")
  file(SHA512 "${archive}" sha512)
  file(SHA256 "${archive}" sha256)
  file(READ "${repo}/packaging/vcpkg/ports/stripe-connect/portfile.cmake" portfile)
  file(READ "${repo}/packaging/vcpkg/ports/stripe-connect/vcpkg.json" manifest)
  file(READ "${repo}/packaging/conan/recipes/stripe_connect/all/conandata.yml" conandata)
  file(READ "${repo}/packaging/conan/recipes/stripe_connect/config.yml" config_yml)
  string(JSON port_version GET "${manifest}" "version-semver")
  if(NOT portfile MATCHES "\n  SHA512 ${sha512}\n" OR NOT port_version STREQUAL "9.8.7")
    message(FATAL_ERROR "the port does not carry 9.8.7 and the archive's SHA512 ${sha512}")
  endif()
  if(NOT conandata MATCHES "sources:\n  \"9.8.7\":\n    url: \"https://github.com/stripe-connect-cpp/stripe_connect/archive/refs/tags/v9.8.7.tar.gz\"\n    sha256: \"${sha256}\"\n")
    message(FATAL_ERROR "conandata.yml lacks the 9.8.7 source:\n${conandata}")
  endif()
  if(conandata MATCHES "0000000000000000000000000000000000000000000000000000000000000000")
    message(FATAL_ERROR "the release must drop the placeholder entries of unreleased versions:\n${conandata}")
  endif()
  if(NOT config_yml MATCHES "versions:\n  \"9.8.7\":\n    folder: all\n")
    message(FATAL_ERROR "config.yml lacks 9.8.7:\n${config_yml}")
  endif()
  # The archive is the tag's tree under the name GitHub gives it.
  file(REMOVE_RECURSE "${WORK}/release-extract")
  file(MAKE_DIRECTORY "${WORK}/release-extract")
  run(${CMAKE_COMMAND} -E chdir "${WORK}/release-extract" ${CMAKE_COMMAND} -E tar xzf "${archive}")
  file(READ "${WORK}/release-extract/stripe_connect-9.8.7/include/stripe/version.hpp" extracted)
  if(NOT extracted STREQUAL tagged_header)
    message(FATAL_ERROR "the archive is not the tagged tree")
  endif()
  # Refusals: the same version again, a malformed version.
  foreach(bad "9.8.7;already exists" "9.8;MAJOR.MINOR.PATCH")
    list(GET bad 0 v)
    list(GET bad 1 why)
    execute_process(COMMAND "${repo}/scripts/release.sh" ${v} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc EQUAL 0 OR NOT err MATCHES "${why}")
      message(FATAL_ERROR "release.sh ${v} must fail with '${why}', got ${rc}: ${out}${err}")
    endif()
  endforeach()
elseif(MODE STREQUAL "vcpkg")
  # The port from the release made by MODE=release, run by tests/package/vcpkg_stub.cmake, for
  # one feature set (FEATURES, e.g. "core;testing"); then the conan test_package on the result.
  set(repo "${WORK}/release-repo")
  set(port_dir "${repo}/packaging/vcpkg/ports/stripe-connect")
  set(NAME_DIR "${WORK}/vcpkg-${NAME}")
  file(REMOVE_RECURSE "${NAME_DIR}")
  include("${SOURCE}/tests/package/vcpkg_stub.cmake")
  string(REPLACE "," ";" requested "${FEATURES}")
  vcpkg_stub_expand_features("${port_dir}/vcpkg.json" "${requested}" FEATURES)
  message(STATUS "features: ${FEATURES}")
  set(PORT stripe-connect)
  set(VERSION 9.8.7)
  set(CURRENT_PACKAGES_DIR "${NAME_DIR}/packages")
  set(VCPKG_STUB_WORK "${NAME_DIR}")
  set(VCPKG_STUB_ARCHIVES "${repo}/dist")
  include("${port_dir}/portfile.cmake")
  set(pkg "${CURRENT_PACKAGES_DIR}")

  # What vcpkg's post-build checks and its reviewers look at.
  foreach(d lib bin debug share/doc)
    if(EXISTS "${pkg}/${d}")
      message(FATAL_ERROR "a header-only port installs no ${d}/ (docs go to share/${PORT}/copyright)")
    endif()
  endforeach()
  foreach(f share/${PORT}/copyright share/${PORT}/usage share/stripe_connect/stripe_connectConfig.cmake
            include/stripe/connect.hpp share/pkgconfig/stripe_connect.pc)
    if(NOT EXISTS "${pkg}/${f}")
      message(FATAL_ERROR "port tree lacks ${f}")
    endif()
  endforeach()
  file(READ "${pkg}/share/${PORT}/usage" usage)
  file(READ "${pkg}/share/stripe_connect/stripe_connectTargets.cmake" targets)
  set(header_curl include/stripe/http/curl_transport.hpp)
  set(header_webhook include/stripe/webhook.hpp)
  set(header_testing include/stripe/testing/simulator.hpp)
  foreach(component curl webhook testing)
    if(component IN_LIST FEATURES)
      set(want TRUE)
    else()
      set(want FALSE)
    endif()
    string(FIND "${usage}" "stripe_connect::${component}" in_usage)
    string(FIND "${targets}" "stripe_connect::${component}" in_targets)
    foreach(check "usage;${in_usage}" "exported targets;${in_targets}")
      list(GET check 0 what)
      list(GET check 1 at)
      if(want AND at EQUAL -1)
        message(FATAL_ERROR "${what} must name stripe_connect::${component} with features ${FEATURES}")
      elseif(NOT want AND NOT at EQUAL -1)
        message(FATAL_ERROR "${what} names stripe_connect::${component}, which features ${FEATURES} do not install")
      endif()
    endforeach()
    if(want AND NOT EXISTS "${pkg}/${header_${component}}")
      message(FATAL_ERROR "feature ${component} must install ${header_${component}}")
    elseif(NOT want AND EXISTS "${pkg}/${header_${component}}")
      message(FATAL_ERROR "without feature ${component}, ${header_${component}} must not be installed")
    endif()
  endforeach()
  file(GLOB_RECURSE installed "${pkg}/*")
  foreach(f IN LISTS installed)
    file(STRINGS "${f}" hits REGEX "${NAME_DIR}|${repo}|${SOURCE}")
    if(hits)
      message(FATAL_ERROR "${f} refers to the build, source or scratch tree: ${hits}")
    endif()
  endforeach()

  # The conan test_package builds and runs against this tree: the same project for every set.
  build_and_run("${repo}/packaging/conan/recipes/stripe_connect/all/test_package" "${NAME_DIR}/test_package" test_package
                "-DCMAKE_PREFIX_PATH=${pkg}")
  if(NOT LAST_OUTPUT MATCHES "stripe_connect 9.8.7: acct_")
    message(FATAL_ERROR "test_package printed: ${LAST_OUTPUT}")
  endif()
else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
