<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <location filename="../../app/console_main.cpp" line="128"/>
        <source>vmeclone console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::CloneRangeDialog</name>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="49"/>
        <source>Clone range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="54"/>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="58"/>
        <source>e.g. 177-254 or 177,180-190</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="61"/>
        <source>&amp;Linked (copy-on-write over the golden&apos;s disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="63"/>
        <source>&amp;Full copy (independent disks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="66"/>
        <source>&amp;Start the clones when they are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="71"/>
        <source>&amp;Golden image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="72"/>
        <source>&amp;Addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="76"/>
        <source>Clone mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="79"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="91"/>
        <source>Shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="91"/>
        <source>VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="91"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="91"/>
        <source>Free after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="96"/>
        <source>Refused addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="98"/>
        <source>Placement on the disk shards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="107"/>
        <source>&amp;Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="195"/>
        <source>There is no golden image yet: add one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="202"/>
        <source>The golden image %1 cannot be cloned now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="207"/>
        <source>No addresses yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="208"/>
        <source>Type the addresses to clone, e.g. 177-254 or 177,180-190.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="212"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="224"/>
        <source>Nothing to clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clone_range_dialog.cpp" line="231"/>
        <source>%n VM(s) can be cloned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clone_range_dialog.cpp" line="232"/>
        <source>%n address(es) refused</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clone_range_dialog.cpp" line="233"/>
        <source>%n VM(s) will be cloned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clone_range_dialog.cpp" line="255"/>
        <source>%n address(es) cannot be cloned: %1. Leave them out of the range.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="259"/>
        <source>The range names no address to clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/clone_range_dialog.cpp" line="263"/>
        <source>Ready: %n VM(s), %1 clones.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="264"/>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="264"/>
        <source>linked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::LogPane</name>
    <message>
        <location filename="../../ui/log_pane.cpp" line="44"/>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/log_pane.cpp" line="45"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/log_pane.cpp" line="46"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/log_pane.cpp" line="47"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/log_pane.cpp" line="62"/>
        <source>Show from level:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="98"/>
        <location filename="../../ui/main_window.cpp" line="165"/>
        <source>vmeclone console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="137"/>
        <source>Filter by name, address, MAC, shard, state or detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="161"/>
        <source>Reading the inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="218"/>
        <source>&amp;Clone range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="219"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="220"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="221"/>
        <source>&amp;Release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="222"/>
        <source>Start range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="223"/>
        <source>Stop range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="224"/>
        <source>Release range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="226"/>
        <source>Cancel &amp;all batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="230"/>
        <source>&amp;Export inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="231"/>
        <source>Add &amp;golden image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="232"/>
        <location filename="../../ui/main_window.cpp" line="737"/>
        <source>Remove golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="233"/>
        <source>Add disk &amp;shard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="234"/>
        <location filename="../../ui/main_window.cpp" line="767"/>
        <source>Remove disk shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="235"/>
        <source>Change shard &amp;weight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="236"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="237"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="241"/>
        <source>Listener &amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="242"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="247"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="252"/>
        <source>&amp;VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="267"/>
        <source>&amp;Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="276"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="279"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="285"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="299"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="311"/>
        <source>Golden images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Used / free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="336"/>
        <source>Disk shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="341"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="346"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="355"/>
        <source>Not listening here: %1. States come from the process that listens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="359"/>
        <source>Listening on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="417"/>
        <source>%1 (suffix %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="444"/>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="458"/>
        <source>%n VM(s), %1 golden image(s), %2 disk shard(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="518"/>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="520"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="522"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="524"/>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="561"/>
        <source>No golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="561"/>
        <source>Add a golden image first (Setup &gt; Add golden image).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="599"/>
        <source>Select one or more VMs in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="604"/>
        <source>Cannot read the VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="618"/>
        <source>Addresses (e.g. 177-254 or 177,180-190):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="624"/>
        <source>Not a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="628"/>
        <source>No VM there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="628"/>
        <source>No VM in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="645"/>
        <source>Release VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="646"/>
        <source>Release %n VM(s)? Each is stopped, its folder with all its files is deleted, and its address becomes free.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="652"/>
        <source>Release and delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="654"/>
        <source>What will be deleted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="656"/>
        <source>… and %n more (see the details)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="678"/>
        <source>%1: %2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="680"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="682"/>
        <source>Batch finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="708"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="708"/>
        <source>Reports are not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="713"/>
        <location filename="../../ui/main_window.cpp" line="721"/>
        <source>Add golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="714"/>
        <source>Golden images (*.json *.vmx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="732"/>
        <source>Select a golden image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="743"/>
        <location filename="../../ui/main_window.cpp" line="747"/>
        <location filename="../../ui/main_window.cpp" line="754"/>
        <source>Add disk shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="748"/>
        <source>Relative share of new VMs for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="762"/>
        <location filename="../../ui/main_window.cpp" line="775"/>
        <source>Select a disk shard first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="784"/>
        <location filename="../../ui/main_window.cpp" line="790"/>
        <source>Change shard weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="784"/>
        <source>Relative share of new VMs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="797"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="797"/>
        <source>The language changes when the console starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="804"/>
        <location filename="../../ui/main_window.cpp" line="810"/>
        <source>Listener port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="805"/>
        <source>UDP port the guests announce themselves to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="811"/>
        <source>Port %1 is used from the next start; clones made before keep the port they were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="839"/>
        <source>Batches running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.cpp" line="840"/>
        <source>%n batch(es) still running. Cancel them and quit? VMs being copied are rolled back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vmeclone::StatusBoard</name>
    <message>
        <location filename="../../ui/status_board.cpp" line="19"/>
        <source>VMs by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="41"/>
        <source>Announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="50"/>
        <source>Per second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="52"/>
        <source>Rejected packets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="55"/>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="57"/>
        <source>No batch running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_board.cpp" line="77"/>
        <source>%n VM(s) in all</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="98"/>
        <source>ETA %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="100"/>
        <source>ETA %1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="101"/>
        <source>ETA %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="109"/>
        <source>%1: 0 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="115"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="120"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_board.cpp" line="140"/>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::VmStateStyle</name>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="20"/>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="21"/>
        <source>copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="22"/>
        <source>configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="23"/>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="24"/>
        <source>booting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="25"/>
        <source>configuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="27"/>
        <source>rebooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="28"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="29"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="31"/>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="32"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="33"/>
        <source>releasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="34"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="35"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::VmTableModel</name>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="287"/>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="289"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="291"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="292"/>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="299"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="301"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="303"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="304"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="407"/>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="409"/>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="411"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="413"/>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="415"/>
        <source>Shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="417"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="419"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="421"/>
        <source>Boots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="423"/>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="425"/>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="427"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
