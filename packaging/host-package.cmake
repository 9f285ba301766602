# CPack for the host tools: vmeclone (CLI) and vmeclone-console with their desktop entry,
# icon and AppStream metadata. Linux: a .deb (target host-package); Windows: NSIS and WiX
# (windows/windows.cmake). The guest agent is not in it: guests get packages of their own
# (agent-packages).
include(GNUInstallDirs)

set(VMECLONE_APP_ID "org.vmeclone.Console")
if(UNIX AND NOT APPLE)
  install(FILES linux/${VMECLONE_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
  # The release date follows SOURCE_DATE_EPOCH when set, so rebuilds can be reproducible.
  string(TIMESTAMP VMECLONE_RELEASE_DATE "%Y-%m-%d" UTC)
  set(RELEASE_DATE "${VMECLONE_RELEASE_DATE}")
  configure_file(linux/${VMECLONE_APP_ID}.metainfo.xml
                 ${CMAKE_CURRENT_BINARY_DIR}/${VMECLONE_APP_ID}.metainfo.xml @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${VMECLONE_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT desktop)
  install(FILES icons/vmeclone.svg RENAME ${VMECLONE_APP_ID}.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desktop)
  foreach(size 48 256)
    install(FILES icons/vmeclone-${size}.png RENAME ${VMECLONE_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT desktop)
  endforeach()
  # The listener as a service (docs/hosts.md): a systemd unit and a SysV script, both
  # reading /etc/default/vmeclone-listener. Installed, not enabled: the operator names the
  # data folder first. Absolute paths where Debian keeps them (not under /usr).
  install(FILES linux/vmeclone-listener.service DESTINATION /lib/systemd/system
          COMPONENT Unspecified)
  install(PROGRAMS linux/vmeclone-listener.init DESTINATION /etc/init.d
          RENAME vmeclone-listener COMPONENT Unspecified)
  install(FILES linux/vmeclone-listener.default DESTINATION /etc/default
          RENAME vmeclone-listener COMPONENT Unspecified)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/docs/golden-image.md ${PROJECT_SOURCE_DIR}/docs/hosts.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT desktop)

set(CPACK_PACKAGE_NAME "vmeclone")
set(CPACK_PACKAGE_VENDOR "vmeclone")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "vmeclone maintainers <maintainers@vmeclone.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DIRECTORY "${VMECLONE_PACKAGE_DIR}")
set(CPACK_STRIP_FILES ON)
# Only the host's components: "Unspecified" holds the programs (app/), "desktop" the files
# above; the agent's component goes into the guest packages instead.
set(CPACK_COMPONENTS_ALL Unspecified desktop)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

# --- .deb ----------------------------------------------------------------------------------
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Qt, spdlog, fmt and libyaml (libyaml-0-2, the Ansible export) from dpkg-shlibdeps; the
# SQLite driver is a plugin Qt loads at run time, which no linker records.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# The files in /etc are the operator's: an upgrade keeps their changes (dpkg conffiles).
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb-control/conffiles
     "/etc/default/vmeclone-listener\n/etc/init.d/vmeclone-listener\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_BINARY_DIR}/deb-control/conffiles)
# qemu-img for linked clones and golden check, QEMU to run the clones, debugfs to read a
# golden's files: wanted, but a VMware-only host can do without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qemu-system-x86, qemu-utils, e2fsprogs")
# The body only: CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY first and indents the lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "vmeclone clones one prepared golden virtual machine into a range of running,
networked VMs in one action, offline: every clone gets its own address, static
MAC, host name and key, configures itself through vmeclone-agent and announces
itself online. QEMU and VMware Player/Workstation goldens, full or linked
clones spread over disk shards.

This package holds the console (vmeclone-console) and the command line
(vmeclone). The guest agent is packaged for the guests separately
(vmeclone-agent .deb, .rpm and tarball).")

if(WIN32)
  include(${CMAKE_CURRENT_LIST_DIR}/windows/windows.cmake)
elseif(APPLE)
  set(CPACK_GENERATOR "TGZ")
else()
  set(CPACK_GENERATOR "DEB")
endif()

include(CPack)
