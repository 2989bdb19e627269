# Installing hardcheck for other tools to link: an exported CMake package
# (find_package(hardcheck) -> hardcheck::hardcheck, hardcheck::hardcheck-c), a
# pkg-config file for the C ABI, the Python package, and a Debian package (CPack).
# Included from the top-level CMakeLists.txt after the targets exist.
include(CMakePackageConfigHelpers)

set(HARDCHECK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hardcheck)
set(HARDCHECK_INSTALL_BASELINES ${CMAKE_INSTALL_DATADIR}/hardcheck/baselines)

# The same names inside this build, for projects that add_subdirectory(hardcheck).
add_library(hardcheck::hardcheck ALIAS hardcheck)
add_library(hardcheck::hardcheck-c ALIAS hardcheck_c)
set_target_properties(hardcheck_c PROPERTIES EXPORT_NAME hardcheck-c)
# The public C++ headers use C++20 (defaulted comparisons, std::optional).
target_compile_features(hardcheck INTERFACE cxx_std_20)

install(TARGETS hardcheck hardcheck_c EXPORT hardcheck-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT hardcheck-targets NAMESPACE hardcheck:: DESTINATION ${HARDCHECK_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/hardcheck-config.cmake.in
  ${PROJECT_BINARY_DIR}/hardcheck-config.cmake
  INSTALL_DESTINATION ${HARDCHECK_CMAKE_DIR}
  PATH_VARS HARDCHECK_INSTALL_BASELINES)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hardcheck-config-version.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hardcheck-config.cmake ${PROJECT_BINARY_DIR}/hardcheck-config-version.cmake
  DESTINATION ${HARDCHECK_CMAKE_DIR})

# pkg-config: the prefix is taken relative to the .pc file, so that
# `cmake --install --prefix` anywhere (or DESTDIR) gives a working file.
file(RELATIVE_PATH HARDCHECK_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" HARDCHECK_PC_TO_PREFIX "${HARDCHECK_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/hardcheck.pc.in ${PROJECT_BINARY_DIR}/hardcheck.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/hardcheck.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Python package, with the path from it to the C library (relative, so the
# installed tree can move).
set(HARDCHECK_PYTHON_DIR lib/python3/dist-packages CACHE STRING
  "Where the hardcheck Python package is installed, relative to the prefix")
file(RELATIVE_PATH HARDCHECK_PY_TO_LIBDIR
  /prefix/${HARDCHECK_PYTHON_DIR}/hardcheck /prefix/${CMAKE_INSTALL_LIBDIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/_installed.py.in ${PROJECT_BINARY_DIR}/python/_installed.py @ONLY)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/python/hardcheck DESTINATION ${HARDCHECK_PYTHON_DIR}
  PATTERN __pycache__ EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/python/_installed.py DESTINATION ${HARDCHECK_PYTHON_DIR}/hardcheck)

# Debian package: `cpack -G DEB` in the build directory.
set(CPACK_PACKAGE_NAME hardcheck)
set(CPACK_PACKAGE_VENDOR "hardcheck")
set(CPACK_PACKAGE_CONTACT "hardcheck maintainers <hardcheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "offline hardening auditor for Exchange Server and WSUS exports")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
