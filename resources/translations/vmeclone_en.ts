<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddressRange</name>
    <message>
        <location filename="../../core/net/address_range.cpp" line="+20"/>
        <source>(suffixes %1-%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; is not an IPv4 address: write four numbers 0-255, e.g. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is outside %2: a range stays in one subnet %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the network address of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the broadcast address of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a suffix or an address: write host numbers like %2 or %2-%3, or addresses like %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; is not a host of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is the network address of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is the broadcast address of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; has a leading zero: write %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; has more than one &apos;-&apos;: write FIRST-LAST, e.g. %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; lacks a number on one side of &apos;-&apos;: write FIRST-LAST, e.g. %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; runs backwards: write %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; names %2 addresses, more than %3 at once: split it into smaller ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>no subnet to read the range &apos;%1&apos; in: set the golden image&apos;s subnet first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the range is empty: write suffixes like %1-%2, or addresses like %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; has an empty part between commas: remove the extra &apos;,&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&apos;%1&apos; names %2 addresses, more than %3 at once: split it into smaller batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 are %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; </source>
        <comment>between the sentences of a refusal summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine.cpp" line="+467"/>
        <source>the name %1 would leave the shard %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../core/inventory/inventory.cpp" line="+694"/>
        <source>unavailable: the name %1 is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/inventory/inventory.cpp" line="-4"/>
        <source>unavailable: its MAC %1 is in use by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unavailable: the folder %1 exists already (another data folder&apos;s clone, or not vmeclone&apos;s): choose another shard or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="+211"/>
        <source>QEMU&apos;s host alias (where the guests reach the console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU&apos;s DNS alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+230"/>
        <source>this host&apos;s address (where VMware guests reach the console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="-580"/>
        <source>in use by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+587"/>
        <source>the folder %1 is in use by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+276"/>
        <location filename="../../core/inventory/inventory.cpp" line="+9"/>
        <location line="+104"/>
        <source>the golden image %1&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="+16"/>
        <source>in use by %1 on host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="+157"/>
        <source>in use by %1 on host %2 (golden %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unavailable: its MAC %1 is in use by %2 on host %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>in use by %1 on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/placement/placement.cpp" line="+120"/>
        <source>no disk shard: add one with &apos;vmeclone shard add DIR&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no usable disk shard: %1; fix one, or add one with &apos;vmeclone shard add DIR&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>needs %1 but no disk shard has that much above its reserve; the most room is on %2: %3 (%4 free, %5 kept in reserve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+135"/>
        <source>host %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoldenRules</name>
    <message>
        <location filename="../../core/engine/golden_rules.cpp" line="+27"/>
        <source>no golden image given: give its machine description (.json) or .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not exist: give the golden&apos;s machine description (.json) or .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden&apos;s path contains control characters: move it to a folder with a plain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is neither a QEMU machine description (.json) nor a VMware .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the suffix &apos;%1&apos; is not a number (a host number like 176)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>from its description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>as given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden %1 has no name: give it one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden&apos;s name (%1) contains control characters (newlines, terminal escapes): give it a plain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the golden&apos;s name (%1) is longer than %2 characters: give it a shorter one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the name prefix &apos;%1&apos; cannot name folders: use up to 32 letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, starting with a letter or a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the subnet cannot be read: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the golden %1 does not say its subnet: give it, e.g. 192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the golden %1 does not say its own address: give its suffix, its host number such as 176</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the suffix %1 %2is not a host of %3 (suffixes 1-%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(from its description) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the gateway %1 is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway %1 is not a host address of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the gateway %1 is the golden&apos;s own address: give the router&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the name server &apos;%1&apos; is not an IPv4 address: give name servers as IP[,IP...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most %1 name servers (what the guests&apos; resolv.conf uses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the console address %1 is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the console address %1 is the golden&apos;s own address: give this host&apos;s address on the VMs&apos; network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the console address %1 is not a host address of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the console address %1 is outside %2 and the golden has no gateway, so its clones could not reach it: give an address in %2, or a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>this host has %1 addresses in %2 (%3): VMware guests announce themselves to one of them; choose it as the console address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>VMware guests announce themselves to this host: give its address on the VMs&apos; network as the console address%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (this host has none in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the golden %1 has no network adapter: its clones would be given an address, a MAC and network settings for a NIC that does not exist, and could not announce themselves. Add a network adapter to the golden in VMware, or accept it without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the golden %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>only a VMware golden has further NICs: a QEMU golden&apos;s clones have the one NIC vmeclone gives them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; does not say a NIC&apos;s subnet: write ethernetN=CIDR (e.g. ethernet1=10.0.5.0/24), or ethernetN=none to leave it unconfigured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the golden %1 has no %2 after its first NIC (%3): give a present NIC other than the one the clone&apos;s address goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it has no further NIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its further NICs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is given twice: give each NIC one subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the subnet cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1&apos;s subnet %2 overlaps the golden&apos;s own %3: give the NIC a network of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&apos;s subnet %2 is narrower than the golden&apos;s %3: a clone takes its own suffix there, so it must be /%4 or wider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1&apos;s subnet %2 overlaps %3&apos;s %4: give each NIC a network of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the golden %1: no console address found: give this host&apos;s address on the VMs&apos; network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogText</name>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-41"/>
        <source>accelerator probe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+346"/>
        <source>started %1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 ignored the power button for %2 ms: quitting QEMU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>killing QEMU of %1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+98"/>
        <source>%1: %2 clone made in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 names %3, which is not there: VMware makes %4 at the clone&apos;s first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: linked clone made by vmrun from the snapshot &quot;%2&quot; in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="+91"/>
        <source>host %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+13"/>
        <location filename="../../core/cluster/cluster_listing.cpp" line="+90"/>
        <location line="+118"/>
        <location line="+8"/>
        <source>%1: the ledger: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the ledger did not take the hosts&apos; outcomes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_listing.cpp" line="-55"/>
        <location line="+27"/>
        <source>the ledger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/golden_push.cpp" line="+235"/>
        <source>host %1: copying golden %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/listener/announcement_listener.cpp" line="+95"/>
        <source>listening for announcements on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>cannot read the goldens&apos; console addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the golden %1&apos;s console address %2 is not an address of this host: its guests cannot be heard here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no longer listening on %1:%2 (no golden&apos;s console address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (the console address of the golden %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>listening for announcements on %1:%2 too (the console address of the golden %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot read the inventory&apos;s version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the VMs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+196"/>
        <source>cannot write %n announcement(s) to the inventory: %1</source>
        <translation>
            <numerusform>cannot write %n announcement to the inventory: %1</numerusform>
            <numerusform>cannot write %n announcements to the inventory: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+25"/>
        <location line="+20"/>
        <source>%1: cannot log &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_service.cpp" line="+162"/>
        <source>recovery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recovered %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+183"/>
        <source>cannot read the inventory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+96"/>
        <source>batch %1: cannot open the engine: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_support.cpp" line="+63"/>
        <source>%1: cannot read its change sequence: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_resume.cpp" line="+70"/>
        <source>%1 resumed from %2 in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1: an interrupted resume settled (its QEMU was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmrun.cpp" line="+196"/>
        <source>vmrun %1 hung for %2 s: killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1: soft stop did not work (%2); stopping it hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/clone/qemu_img.cpp" line="+189"/>
        <source>%1 has leaked clusters (space only, data intact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/clone/disk_copier.cpp" line="+559"/>
        <source>copied %n file(s), %1 of data, in %2 ms</source>
        <translation>
            <numerusform>copied %n file, %1 of data, in %2 ms</numerusform>
            <numerusform>copied %n files, %1 of data, in %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="+353"/>
        <source>not removing %1: it is outside the folder of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+136"/>
        <source>full clone of %1 -&gt; %2 (%n file(s), CID %3) in %4 ms</source>
        <translation>
            <numerusform>full clone of %1 -&gt; %2 (%n file, CID %3) in %4 ms</numerusform>
            <numerusform>full clone of %1 -&gt; %2 (%n files, CID %3) in %4 ms</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is streamOptimized: QEMU reads it as a parent, VMware runs only disks converted from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>linked clone %1 over %2 (parent CID %3, CID %4) in %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshTransport</name>
    <message>
        <location filename="../../core/cluster/ssh_transport.cpp" line="+138"/>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot run the ssh client &apos;%2&apos;: %3 (install openssh-client, or name the program in VMECLONE_SSH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no answer within %2 s (ssh connected, but &apos;%3&apos; there did not finish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the ssh client stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: vmeclone is not installed there: &apos;%2&apos; was not found (%3). Install vmeclone on it, or say where it is there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: &apos;%2&apos; there cannot be run (%3): check that it is vmeclone and executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-34"/>
        <source>%1: vmeclone there failed (exit %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: its host key has CHANGED since it was recorded in your known_hosts. Someone may be intercepting the connection, or the host was reinstalled: find out which from its administrator before you trust the new key. vmeclone does not connect to it until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: its host key is not known: check it and add it with `%2` or connect once with `%3`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the login was refused (%2): install your key with `ssh-copy-id%3%4 %5`, or load it into your agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is unreachable: connection refused (no SSH server listens there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is unreachable: the connection timed out after %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is unreachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: its name cannot be resolved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: ssh failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/console_main.cpp" line="+213"/>
        <location line="+20"/>
        <source>vmeclone console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1; relying on the process that listens there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>vmeclone console %1: data folder %2, announcements on port %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::AddGoldenDialog</name>
    <message>
        <location filename="../../ui/add_golden_dialog.cpp" line="+28"/>
        <source>Add golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a QEMU machine description (.json) or a VMware .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the golden&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the golden&apos;s file, e.g. 176</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the golden&apos;s file, e.g. 192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none; up to 3, e.g. 192.168.1.1, 192.168.1.2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware: this host&apos;s address on the VMs&apos; network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Golden &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its address &amp;suffix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;bnet (CIDR):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DNS servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Console address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further &amp;NICs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+83"/>
        <source>Golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Further NICs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Golden images (*.json *.vmx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subnet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>address %1 (suffix %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>suffix %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The golden says: %1. Fill in a field only to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a VMware golden&apos;s NICs after its first: this one has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each unconfigured unless given, e.g. %1=10.0.5.0/24 (this golden has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+134"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Ready: %1 (%2) at %3 in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QEMU</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Choose one of this host&apos;s %n address(es) in %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This host has no address in %1: give its address on the VMs&apos; network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this host&apos;s address in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This host has %n addresses in %1: choose the one on the VMs&apos; network.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Adding the golden image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The golden image was not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::BatchTracker</name>
    <message>
        <location filename="../../ui/batch_tracker.cpp" line="+75"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n gone</source>
        <translation>
            <numerusform>%n gone</numerusform>
            <numerusform>%n gone</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::CloneRangeDialog</name>
    <message>
        <location filename="../../ui/clone_range_dialog.cpp" line="+43"/>
        <source>Clone range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 177-254 or 177,180-190</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Linked (copy-on-write over the golden&apos;s disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full copy (independent disks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Instant (resume from template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QEMU goldens only: the clones resume from the golden&apos;s template, saved once after its agent stopped before taking any identity, instead of booting. The template is made first when there is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linked, made by &amp;VMware (from the golden&apos;s snapshot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VMware goldens only: Workstation Pro makes each linked clone (vmrun clone) from the golden&apos;s current snapshot, instead of vmeclone linking the disks itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start the clones when they are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This machine only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the clones go: this machine, or a head&apos;s hosts (the head places each address on a host, each host on its own shards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Golden image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clone mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <location line="+276"/>
        <location line="+2"/>
        <source>Shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+82"/>
        <location line="+204"/>
        <source>VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Free after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+286"/>
        <source>Why this many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-278"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+76"/>
        <location line="+200"/>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-271"/>
        <source>Refused addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+268"/>
        <source>Placement on the disk shards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-265"/>
        <source>The VMs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>All hosts (this machine and %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Placed before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placement on the hosts and their disk shards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host: shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%n address(es) cannot be cloned. Leave them out of the range.</source>
        <translation>
            <numerusform>%n address cannot be cloned. Leave it out of the range.</numerusform>
            <numerusform>%n addresses cannot be cloned. Leave them out of the range.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Ready: %n VM(s) over %1 host(s); each host places its share on its own shards.</source>
        <translation>
            <numerusform>Ready: %n VM over %1 host(s); each host places its share on its own shards.</numerusform>
            <numerusform>Ready: %n VMs over %1 host(s); each host places its share on its own shards.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hosts that cannot be asked now fail their VMs; the same clone again finishes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+94"/>
        <source>There is no golden image yet: add one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The golden image %1 cannot be cloned now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No addresses yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the addresses to clone, e.g. 177-254 or 177,180-190.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-191"/>
        <location line="+213"/>
        <source>Nothing to clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-149"/>
        <location line="+156"/>
        <source>%n VM(s) can be cloned</source>
        <translation>
            <numerusform>%n VM can be cloned</numerusform>
            <numerusform>%n VMs can be cloned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-155"/>
        <location line="+156"/>
        <source>%n address(es) refused</source>
        <translation>
            <numerusform>%n address refused</numerusform>
            <numerusform>%n addresses refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-155"/>
        <location line="+156"/>
        <source>%n VM(s) will be cloned</source>
        <translation>
            <numerusform>%n VM will be cloned</numerusform>
            <numerusform>%n VMs will be cloned</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>weight %1 × %2 free: %3 % of the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each shard takes its part of the batch: its weight times its free space, over the sum of those of all usable shards; what the rounding leaves goes one VM per shard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-205"/>
        <location line="+216"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n address(es) cannot be cloned: %1. Leave them out of the range.</source>
        <translation>
            <numerusform>%n address cannot be cloned: %1. Leave them out of the range.</numerusform>
            <numerusform>%n addresses cannot be cloned: %1. Leave them out of the range.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-219"/>
        <location line="+223"/>
        <source>The range names no address to clone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Ready: %n VM(s), %1 clones.</source>
        <translation>
            <numerusform>Ready: %n VM, %1 clones.</numerusform>
            <numerusform>Ready: %n VMs, %1 clones.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked (made by VMware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::ConsoleAddressDialog</name>
    <message>
        <location filename="../../ui/console_address_dialog.cpp" line="+28"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Console address of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The clones of %1 announce themselves to this host at its console address, on their network %2. Clones made from now on are given the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New console address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This host has no address in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Auto&amp;matic: this host&apos;s only address in %1, now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto&amp;matic: this host&apos;s only address in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An&amp;other address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Current: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none (its clones cannot be made until one is given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give this host&apos;s address on the VMs&apos; network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one of this host&apos;s addresses, Automatic, or another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is the console address already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clones made from now on will announce themselves to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changing the console address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The console address was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console address of %1 is now %2 (was %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n existing clone(s) were made with the old address and announce themselves to it until released and cloned again: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No existing clone was made with the old address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::Event</name>
    <message>
        <location filename="../../core/common/event_text.cpp" line="+16"/>
        <source>no heartbeat for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked booting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unreachable: no heartbeat for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released: files deleted, address free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone cancelled: rolled back, nothing of it is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clone failed, rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>announcement rejected: %1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 more state changes in a minute were not logged (at most %2 a minute are logged per VM; its state in the inventory followed every one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 more rejected announcements in a minute were not logged (at most %2 a minute are logged per VM; the status bar counts every one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 VMs: %3 done, %4 failed%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>golden image %1 added: %2, %3 in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard %1 added (weight %2, %3 free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard %1 is shared: %2 clone folder(s) of other data folders are there; this one never touches them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>golden image %1: its files are fingerprinted from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>golden image %1 re-accepted unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1 re-accepted as it is now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1 removed from the inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>golden image %1: console address %2 (was %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template of %1 made in %2 (%3 ms)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: removed %1, a template that was never completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>instant clones of %1 asked for, linked clones made instead: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recovered: removed %1, a clone folder with no inventory row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 (%2) added: vmeclone %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 removed from the hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not signed, and this listener takes only signed announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bad signature: not signed with this VM&apos;s key (another VM&apos;s guest, a stale clone of it, or a forgery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its MAC is not the one this VM was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a replay: a sequence number or boot already seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more announcements for this VM than its guest sends: rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source> (unverified: unsigned announcement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::Failure</name>
    <message>
        <location filename="../../core/clone/disk_copier.cpp" line="-520"/>
        <source>Cannot read the layout of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open source disk %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot open source disk %1: it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot stat source disk %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source disk %1 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-561"/>
        <source>Destination %1 exists already: refusing to overwrite it; remove it or choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="+13"/>
        <source>Destination folder %1 does not exist: create it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy of %1 to %2 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot copy %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-1"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source disk %1 shrank while it was being copied: is a VM using it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists: another copy to %2 is running or was interrupted; remove it if none is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create %1 in folder %2: %3; check that the folder is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot size %1 to %2 bytes: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source disk %1 changed size while it was being copied: is a VM using it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot flush %1 to disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot close %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-8"/>
        <source>Cannot rename %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (shard %2: needs %3, %4 free); free space there or choose another shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot copy &apos;%1&apos; to &apos;%2&apos;: both paths must be given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination %1 is named twice in one copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/clone/qcow2_overlay.cpp" line="+19"/>
        <location filename="../../core/golden/golden_check.cpp" line="+47"/>
        <location filename="../../core/golden/golden_fingerprint.cpp" line="+22"/>
        <location filename="../../core/vmx/vmx_document.cpp" line="+49"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot link a clone over %1: its format %2 is neither qcow2 nor raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a qcow2 image (no QFI header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already: not overwriting it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the backing file path %1 is too long for a qcow2 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the overlay %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/clone/qemu_img.cpp" line="-163"/>
        <source>qemu-img not found: install qemu-utils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot run %1 for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qemu-img %1 on %2 did not finish within %3 s and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qemu-img %1 on %2 crashed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing file %1 does not exist: cannot create overlay %2 on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing file %1 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot create overlay %1: the format of backing file %2 is needed (qcow2, raw, vmdk, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overlay %1 exists already: refusing to overwrite it; remove it or choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder %1 of overlay %2 does not exist: create it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists: another overlay creation is running or was interrupted; remove it if none is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create overlay %1 on backing file %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot rename %1 to %2: it appeared meanwhile or the folder is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disk image %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read disk image %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qemu-img info on %1 gave output that is not the expected JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disk image %1 is corrupt: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot check disk image %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot compare %1 and %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_head.cpp" line="-531"/>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="-153"/>
        <source>no host named &apos;%1&apos;: see &apos;vmeclone host list&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no host given: name hosts, or all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone failed (exit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone failed (exit %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host local: vmeclone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no host reached holds a golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hosts hold several golden images (%1): choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1 holds no golden image named &apos;%2&apos;: add it there, or leave the host out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden image &apos;%1&apos; differs between host %2 (%3, %4) and host %5 (%6, %7): give both the same golden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden image &apos;%1&apos; on host %2 differs from the one on host %3 (checksum %4 there, %5 on %3): push it again with golden push, after removing it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no host reached holds a golden image named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in use by %1 on host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: its vmeclone did not say where its share goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>placed on host %1, which was not asked this time: include it to finish this VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 did not say what became of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/cluster_listing.cpp" line="-167"/>
        <source>host %1: its vmeclone did not list its VMs as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/golden_push.cpp" line="-210"/>
        <location filename="../../core/engine/engine.cpp" line="-444"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-400"/>
        <source>the golden %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden %1 has no fingerprint of its files yet: check it once on this machine (a clone or plan of it does), or accept its files with &apos;vmeclone golden refresh %1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden %1: its file %2 is not inside %3, the folder of its description, so a copy of that folder would not find it: keep a golden&apos;s files together to push it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the golden %1 changed since it was added: %2. Accept the change first (vmeclone golden refresh %1), then push it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 holds another golden image named %2 (checksum %3 there, %4 here): remove it there first (vmeclone golden remove %2 on host %1), then push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 holds another golden image named %2 (checksum unknown there, %3 here): remove it there first (vmeclone golden remove %2 on host %1), then push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>host %1 did not say where its data folder is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: %2, where the golden image %3 would go, holds the files of its golden image %4: remove that golden there first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot run &apos;%1&apos;: %2 (install rsync here and on the host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rsync failed (exit %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsync stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1: copying the golden image %2 to %3 failed: %4. Nothing was registered there; push again to resume the copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the files were copied to %2 but registering them failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host %1: the copied files differ from here (checksum %2 there, %3 here), so it was not kept registered: push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum unknown there, %2 here), so it was not kept registered: push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum %2 there, %3 here), and unregistering it failed: %4: push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: the copied files differ from here (checksum unknown there, %2 here), and unregistering it failed: %3: push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/host_names.cpp" line="+13"/>
        <source>the host name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name &apos;%1&apos; holds an invisible character (%2): type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the host name &apos;%1&apos; is longer than 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name &apos;%1&apos; may hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, and starts with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is reserved: it is this machine, which is always a host and needs no SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the address is empty: give [USER@]ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address &apos;%1&apos; holds a space or an invisible character (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not [USER@]ADDRESS: a user of letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, and a host name or an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 &apos;%2&apos; holds a control or invisible character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/host_self.cpp" line="+27"/>
        <source>not a host description (JSON object): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a host description (JSON object): not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host description names no version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host description names no protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host %1 runs vmeclone %2 and this is vmeclone %3: a head and its hosts need the same major.minor version; install the same version on both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 speaks host protocol %2 (vmeclone %3) and this vmeclone %4 speaks protocol %5: install the same version on both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1: &apos;%2 host self&apos; there did not describe the host (%3): is it vmeclone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cluster/plan_document.cpp" line="+14"/>
        <source>the plan is not JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan&apos;s &apos;vmeclone_plan&apos; is %1, and this vmeclone reads version %2: give the head and its hosts the same vmeclone version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the plan&apos;s &apos;id&apos; is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan names no &apos;golden&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;mode&apos; is &apos;%1&apos;: it is linked or full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;start&apos; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan&apos;s &apos;vms&apos; lists no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan&apos;s &apos;vms&apos; holds &apos;%1&apos;, which is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/common/file_sync.cpp" line="+28"/>
        <source>cannot make %1 durable (FlushFileBuffers): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot make %1 durable (fsync): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_owner.cpp" line="+13"/>
        <source>cannot create %1/owners: check the data folder&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot lock %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/batch_support.cpp" line="-48"/>
        <source>%1: cannot read the inventory (%2): not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was released by another actor since it was read: not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2 now (another actor changed it since it was read): not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>releasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine.cpp" line="-12"/>
        <source>no data folder given: the inventory and the cluster secret live there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the data folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden %1 uses the backend &apos;%2&apos;, which this build does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 is running: another process holds the write lock on its disk, which is changing under any copy. Shut it down from inside the guest (poweroff), or find the process: fuser -v %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden %1 changed since it was added: %2. Clones made now would differ from those made before (and linked clones of it see the change). If the change is meant, accept it: vmeclone golden refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/engine/engine_goldens.cpp" line="+14"/>
        <location filename="../../core/engine/engine_template.cpp" line="+25"/>
        <source>no golden image named &apos;%1&apos;: see &apos;vmeclone golden list&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/inventory/inventory_shards.cpp" line="+13"/>
        <source>shard weight %1 must be a finite number greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard path %1 contains &apos;,&apos;, which QEMU&apos;s options cannot carry: use a folder without commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the shard path contains control characters: use a plain folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a folder: create it first (mkdir -p %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no golden image: add one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there are %1 golden images (%2): choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clone mode &apos;%1&apos; is unknown: use linked, full or instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says what VMware Workstation lacks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/engine/engine_template.cpp" line="+2"/>
        <source>the golden %1 is a VMware golden: instant clones need QEMU (docs/instant-clones.md says what VMware Workstation lacks); clone it linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>linked clones made by VMware are for VMware goldens; %1 is a QEMU golden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-12"/>
        <source>VMware makes linked clones only (vmrun clone ... linked), not %1 ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the golden %1 was removed since the plan was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no instant clone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/engine/engine_guests.cpp" line="+23"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+36"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>cancelled: not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>its golden image is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1 is %2 by another batch: wait for it or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1: nothing was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_goldens.cpp" line="+2"/>
        <source>the golden %1 is a QEMU golden: its guests reach this host at QEMU&apos;s own host address, and only a VMware golden has a console address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_guests.cpp" line="-4"/>
        <source>only QEMU guests are asked (through qemu-guest-agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_service.cpp" line="-426"/>
        <source>the engine service is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the engine is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a shard&apos;s weight must be greater than 0, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this build has no %1 backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone needs a plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_steps.cpp" line="+2"/>
        <source>%1: nothing was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/engine/engine_template.cpp" line="+4"/>
        <source>cannot create %1: check the data folder&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another vmeclone is making the template of %1 (%2): try again when it has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the template of %1 was made for other devices than this vmeclone gives VMs, and %2 instant clones still use it: release them first (vmeclone release %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the template of %1 was made from its files as they were before they changed, and %2 instant clones still use it: release them first (vmeclone release %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot remove the old template %1: check its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-519"/>
        <location filename="../../core/hypervisor/qemu_machine.cpp" line="+52"/>
        <location filename="../../core/vmx/vmx_document.cpp" line="+6"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 instant clones use the template of %2: release them first (vmeclone release %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the golden %1 was removed but its template %2 could not be: remove that folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/golden/debugfs.cpp" line="+20"/>
        <source>debugfs not found: install e2fsprogs (it reads the golden&apos;s files without mounting its disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: debugfs cannot open a file whose name holds &apos;?&apos; or &apos;&quot;&apos;: rename it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: a folder whose name holds &apos;&quot;&apos; cannot receive debugfs&apos; files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the folder %1 for the golden&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write debugfs&apos; command file in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/golden/golden_check.cpp" line="-12"/>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debugfs did not finish reading %1 within %2 s and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>debugfs cannot open the file system at byte %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>debugfs failed on %1 (exit %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/golden/golden_check.cpp" line="+1"/>
        <source>qemu-img did not finish converting %1 within an hour and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qemu-img cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading %1 needs a raw copy of about %2 in %3, which has %4 free: give a temporary folder on a file system with room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot make a link to %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist: give the golden&apos;s machine description (.json) or its .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a file: give the golden&apos;s machine description (.json) or its .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is neither a QEMU machine description (.json) nor a VMware .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 names the disk %2, which does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 names no hard disk: nothing to clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create a temporary folder in %1 (%2): give another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/golden/golden_fingerprint.cpp" line="+2"/>
        <source>cannot read %1: it is gone or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden&apos;s stored fingerprint is not readable: re-accept the golden&apos;s files with &apos;vmeclone golden refresh NAME&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is no longer one of its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed size (%2 bytes, was %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was written at %2 (it was last written at %3 when accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has other content with the same size and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a new file of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/golden/partition_table.cpp" line="+15"/>
        <source>%1 has a protective MBR but no GPT header at sector 1: the partition table is damaged (check it with &apos;sfdisk --verify&apos; on a raw copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the GPT header gives %2 partition entries of %3 bytes: the table is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the GPT partition entries lie beyond the end of the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: GPT partition %2 ends beyond the disk or before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: MBR partition %2 starts beyond the end of the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the chain of logical partitions does not end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the extended boot record at sector %2 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the chain of logical partitions points backwards at sector %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/guest_view.cpp" line="+19"/>
        <source>the guest agent gave no handle for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_backend.cpp" line="-13"/>
        <source>the golden disk %1 is itself an overlay of %2: make it standalone first (qemu-img convert -O qcow2 %1 standalone.qcow2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 says the disk %2 is %3, but it is %4: correct &quot;disk_format&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder %1 is too long for QEMU&apos;s control socket (at most %2 bytes with &apos;/qmp.sock&apos;): use a shard with a shorter path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no usable template of %1 in %2 (%3): make it with &apos;vmeclone golden template %1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the folder %1 is too long for QEMU&apos;s control socket: use a data folder with a shorter path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already exists: remove the old template first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the template folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot make the template of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the template VM ended before it was ready: see %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the golden&apos;s agent has no template mode: it took an identity or rebooted instead of stopping (see %1); install a vmeclone-agent with template mode in the golden, or clone it cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its agent did not say &quot;%1&quot; within %2 s (see %3): is it an agent with template mode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/qemu_instant.cpp" line="+27"/>
        <source>qemu-system-x86_64 not found: install qemu-system-x86</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QEMU for %1 did not finish starting within 60 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not start %1: exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU started %1 but its process is gone: see %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not resume from its template: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU of %1 (pid %2) survives SIGKILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+30"/>
        <source>%1 is still running: stop it before deleting its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not look like a vmeclone clone (no machine.json): not deleting it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="+7"/>
        <source>cannot delete %1 completely: check its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_instant.cpp" line="-11"/>
        <source>this QEMU cannot leave shared RAM out of a saved state (x-ignore-shared): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: QEMU says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: QEMU says %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity is %1 bytes, more than the %2 an instant clone&apos;s fixed-size identity holds: shorten its hostname or DNS list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 did not answer: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no memory-backend-file object: instant clones need QEMU 5.0 or later built with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no vmgenid device: a resumed clone&apos;s random generator could not be told to reseed; instant clones need it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>saving the template&apos;s state to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading the template&apos;s state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_machine.cpp" line="-32"/>
        <source>%1: &quot;%2&quot; must be a whole number, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &quot;%2&quot; %3 is out of range (%4 to %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the machine description %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a machine description (over 1 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not valid JSON (%2 at offset %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a vmeclone QEMU machine description (&quot;format&quot; must be &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: machine description version %2 is not supported (this vmeclone reads 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names no &quot;disk&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the kernel %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the initrd %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the disk %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: &quot;disk_interface&quot; must be virtio, ide or scsi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: &quot;disk_format&quot; %2 is not a QEMU image format name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: &quot;nic_model&quot; %2 is not a QEMU device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qemu_resume.cpp" line="-111"/>
        <source>%1&apos;s QEMU was loading its template&apos;s state when the process that started it ended, and the load ended %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1&apos;s QEMU, launched to resume its template, is &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/qmp_client.cpp" line="+15"/>
        <source>cannot connect to QEMU&apos;s control socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not greet as QMP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot connect to the guest agent&apos;s channel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no guest agent answers on %1 within %2 ms: the guest runs no qemu-guest-agent, or it has not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QEMU sent something that is not QMP on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent sent something that is not QMP on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU closed its control socket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent closed its channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not answer on %1 within %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent did not answer on %1 within %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot send %1 to QEMU: its control socket %2 is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot send %1 to the guest agent: its channel %2 is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot send %1 to QEMU on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot send %1 to the guest agent on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the guest agent refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for QEMU&apos;s %1 event: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmrun.cpp" line="-255"/>
        <source>vmrun not found on PATH nor in %1: install VMware Workstation Pro, or give its path. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vmrun ships with VMware Workstation Pro (free for all use since November 2024; download it from Broadcom&apos;s support portal, support.broadcom.com, under VMware Workstation Pro). VMware Workstation Player is discontinued and installs no vmrun without the separate VIX API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>VMware Workstation&apos;s program %1 is installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only VMware Player is installed (%1, no Workstation program %2 beside %3 or on PATH): Player&apos;s vmrun -T player cannot clone or snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>neither Workstation&apos;s %1 nor Player&apos;s %2 is beside %3 or on PATH: Workstation Pro assumed (Player is discontinued); give the type player for a Player host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the vmrun given (%1) is not an executable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMware product type &apos;%1&apos; is unknown: use player (VMware Player) or ws (VMware Workstation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the vmrun timeout must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot run vmrun (%1) for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmrun %1 did not finish within %2 s: killed it. VMware may be waiting for an answer in the VM&apos;s window, or its services may be stuck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun %1 crashed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun %1 failed (exit code %2): it printed nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun %1 failed (exit code %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmrun -T %1 has no clone command: linked clones by vmrun need VMware Workstation Pro (-T ws, free since November 2024); let vmeclone link the disks itself instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun getGuestIPAddress %1 printed &apos;%2&apos;, not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vmrun list printed &apos;%1&apos;, not &apos;Total running VMs: N&apos; and the VMs: is this VMware&apos;s vmrun?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun list said %1 running VMs but listed %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/hypervisor/vmware_backend.cpp" line="-63"/>
        <source>no console address for VMware guests: give this host&apos;s address on the VMs&apos; network, where the listener receives their announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the console address &apos;%1&apos; is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the console address %1 is the golden&apos;s own address of %2: give this host&apos;s own address on the VMs&apos; network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the console address %1 is not a host address of %2: give this host&apos;s own address on the VMs&apos; network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the console address %1 is outside %2 and the golden %3 has no gateway, so its clones could not reach it: give an address in %2, or add the golden with a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no hard disk: there is nothing to clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2): %3 maps a raw device (createType &quot;%4&quot;): only disks kept in files can be cloned; convert it to a virtual disk in VMware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clone mode &apos;%1&apos; is unknown: use linked or full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone&apos;s configuration would be %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot copy %1 into %2: check the shard&apos;s free space and permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>linked clones made by VMware need vmrun -T ws (VMware Workstation Pro, free since November 2024); this host&apos;s is -T %1 (%2), which has no clone command: let vmeclone link the disks itself instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the golden %1: its snapshot &quot;%2&quot; has no %3 (the disk %4 came later), so vmrun&apos;s clone would lack it: take a new snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>vmrun reported the clone %1 made, but %2 cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no configuration file %2: release it and clone it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 still runs after a hard stop: stop it in VMware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a vmeclone clone (no guestinfo.vmeclone.instance): not deleting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 belongs to another clone (instance %2, not %3): not deleting %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot tell whether %1 runs, so its files stay: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not look like a vmeclone clone (no %2.vmx): not deleting it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VMware has %1 open (%2 in %3): close it in VMware first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/identity/cluster_secret.cpp" line="+23"/>
        <source>cluster secret %1 is not a file: move it out of the way to create a new secret, or restore the file from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the cluster secret %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cluster secret %1 is open to group or others (mode %2): run &apos;chmod 600 %1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cluster secret %1 has %2 bytes, not %3: restore it from a backup (deleting it creates a new secret, and every existing clone&apos;s key changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no file named for the cluster secret: pass its path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the folder %1 for the cluster secret: check its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create the cluster secret %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write the cluster secret %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the cluster secret %1: renaming %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/clone_marker.cpp" line="+20"/>
        <source>cannot write in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already and is not in the inventory: move it away or remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the folder %1: check the shard&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory.cpp" line="-791"/>
        <source>cannot create the inventory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the inventory %1 is empty (0 bytes) although its data folder has a cluster secret: it was truncated. Restore it from a backup, or move it away to start with an empty inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the inventory file %1 is readable by others and cannot be made private: %2 (chmod o-rwx %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data folder %1 is full (%2 free) and the inventory&apos;s journal holds changes not yet merged: free some space there, then run the command again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the data folder %1 is full (%2 free) and the inventory cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data folder %1 is full (%2 free) and its inventory needs an upgrade: free some space there, then run the command again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the data folder %1 is full (%2 free): only list, plan, export, golden list and shard list work until some space is freed there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the folder of the inventory %1: check its parent&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open the inventory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inventory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has schema %1, newer than this vmeclone understands (%2): use a newer vmeclone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot upgrade to schema %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory %1: it names no data folder id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&apos;s subnet %2 overlaps %3, the subnet of the golden image &apos;%4&apos;: give the NIC a network of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1&apos;s subnet %2 overlaps %3 on %4 of the golden image &apos;%5&apos;, whose clones could take the same addresses: give the NIC a network of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the subnet %1 overlaps %2, the subnet of %3 of the golden image &apos;%4&apos;: give the golden a network of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a golden image named &apos;%1&apos; exists already: choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already the golden image &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is already the address of the golden image &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in use by the VM %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot add the golden image &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no golden image with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 VMs are clones of this golden image: release them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot reserve %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no VM with id %1 in the inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write %1&apos;s state to the inventory: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot remove %1 from the inventory: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_cluster.cpp" line="-11"/>
        <source>host weight %1 must be a finite number greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a host named &apos;%1&apos; exists already: see &apos;vmeclone host list&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot add the host &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inventory: cannot count the host&apos;s VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 VMs live on the host &apos;%2&apos;: release them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inventory: cannot reserve the cluster&apos;s addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/inventory/inventory_shards.cpp" line="+3"/>
        <source>%1 is already a disk shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot add the shard %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no shard with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the shard %1 is labelled &apos;%2&apos; already: labels tell shards apart, choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 VMs live on this shard: release them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/placement/placement.cpp" line="-182"/>
        <source>disk shard %1 has weight %2: give it a weight above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/placement/shard.cpp" line="+21"/>
        <source>the shard label &apos;%1&apos; is longer than 32 characters: choose a shorter one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard label &apos;%1&apos; contains &apos;/&apos;: a label must not read as a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the shard label contains control characters (newlines, terminal escapes): choose a plain one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the disk shard has no folder: remove it and add it again with &apos;vmeclone shard add DIR&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disk shard folder %1 does not exist: create it, mount its drive, or remove the shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disk shard %1 is not a folder: point the shard at a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk shard folder %1 is not writable: fix its permissions or mount its drive read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the free space of disk shard folder %1: check that its drive is mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmdk/sparse_extent_header.cpp" line="+14"/>
        <source>%1 is not a sparse VMDK extent: it does not start with &quot;KDMV&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is truncated: its sparse header needs %2 bytes and the file has %3; the copy is incomplete, copy the disk again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has a damaged sparse header: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>version %1 (this program reads versions 1 to 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was damaged by a text-mode transfer (its line-end check bytes are changed): copy it again in binary mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>grain size %1 sectors is not a power of two from 8 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 grain table entries per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is truncated or damaged: its embedded descriptor (sectors %2 to %3) lies past the end of the file (%4 sectors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_cloner.cpp" line="-9"/>
        <source>A name is needed for the cloned disk (e.g. vm177)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; cannot name a disk file: use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (not first), without / \ : &quot; * ? &lt; &gt; |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 exists: another clone to %2 is being made or was interrupted; remove it if none is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create %1: %2; check that the folder is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (in the chain of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a delta disk (parentCID=%2) without a parentFileNameHint: its parent cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The parent of %1, %2 (parentFileNameHint=&quot;%3&quot;), does not exist: restore it or correct the hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (the parent of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer matches its parent %2: it was made when the parent&apos;s CID was %3, and the parent&apos;s CID is now %4 (the parent was written after the child was made); VMware refuses to open such a chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The chain of parents of %1 loops back to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 maps a raw device (createType &quot;%2&quot;): only disks kept in files can be cloned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot clone %1 onto itself: choose another name or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot rewrite the descriptor of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 embeds a descriptor naming %2 extents; a sparse file with an embedded descriptor is a disk of one extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The descriptor of the clone of %1 needs %2 bytes, more than the %3 the disk reserves for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the descriptor into %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent %1 of %2 is missing: %3 (line %4 names &quot;%5&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot name the extents of the clone of %1 apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent %1 of %2 is missing: %3 (line %4): a linked clone would have nothing to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot link %1 to itself: choose another name or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmdk/vmdk_descriptor.cpp" line="+20"/>
        <source>Cannot open disk %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a sparse extent without a descriptor (one file of a split disk?): open the disk&apos;s descriptor .vmdk that names it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the descriptor in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is truncated: its embedded descriptor is cut short; copy the disk again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is an old-style sparse extent (COWD) without a descriptor: open the disk&apos;s descriptor .vmdk instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a VMDK descriptor (%2 bytes, not a small text file): if it is a flat extent, open the descriptor .vmdk that names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is neither a VMDK descriptor nor a sparse VMDK: it holds binary data and does not start with &quot;KDMV&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is written in the encoding &quot;%2&quot;, which this build cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent line &apos;%1&apos; has an unterminated quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected: RW &lt;sectors&gt; SPARSE|FLAT|ZERO|VMFS|VMFSSPARSE &quot;&lt;file&gt;&quot; [offset]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extent line &apos;%1&apos; is incomplete; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extent line &apos;%1&apos;: &apos;%2&apos; is not a number of sectors; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extent line &apos;%1&apos;: unknown extent type &apos;%2&apos;; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent line &apos;%1&apos; names no file in double quotes; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extent line &apos;%1&apos;: &apos;%2&apos; is not an offset in sectors; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extent line &apos;%1&apos; has extra words; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; is not a descriptor line (expected key=value, an extent line such as RW 2048 SPARSE &quot;disk-s001.vmdk&quot;, or a # comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the value of %1 has an unterminated quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a VMDK descriptor: it has no createType line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a VMDK descriptor: it has no version line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no CID line: VMware cannot open a disk without its content id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 line %2: %3 &apos;%4&apos; is not a hexadecimal content id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 describes no extents: a disk needs at least one line like RW 2048 SPARSE &quot;disk-s001.vmdk&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no extent %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extent %1 of %2 is a ZERO extent and has no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; cannot be an extent file name in a descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value &apos;%1&apos; of %2 cannot be written in a VMDK descriptor (no quotes or line breaks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot be written: the descriptor&apos;s encoding &quot;%2&quot; is not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot be written in the descriptor&apos;s encoding &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmx/vm_folder.cpp" line="+17"/>
        <source>%1 is in use: VMware&apos;s lock %2 is in %3. Power the golden off in VMware and try again; if VMware is not running it (the lock is left from a crash), delete %2 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), an ESXi datastore path: copy the VM&apos;s files to this host and point the disk at them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; twice (%3 and %4): VMware cannot open one disk twice; remove one of the devices or give it its own disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), which is not in %4: restore the disk or correct the .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the disk &quot;%2&quot; (%3.fileName), which does not exist: restore the disk or correct the .vmx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_clone_rewriter.cpp" line="+20"/>
        <source>the clone has no name: a name is needed for its displayName and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clone name &apos;%1&apos; cannot be a file name (it contains &apos;a control character&apos;); use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone name &apos;%1&apos; cannot be a file name (it contains &apos;%2&apos;); use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone name &apos;%1&apos; cannot be a file name on Windows; choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIC slot %1 in a /%2 subnet is not a valid input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ethernet%1 cannot get a static MAC of its own in a /%2 subnet: the MAC has room for %3 further NIC(s) there; use a subnet of /16 or narrower, or fewer NICs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the identity of clone %1 has no valid ip (&apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the identity of clone %1 has no valid ip (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 has no valid prefix (&apos;%2&apos;): it needs the subnet&apos;s prefix length, 1 to 32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 names the MAC &apos;%2&apos;, but its ip %3 gives %4: the identity and the .vmx would disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the identity of clone %1 has an invalid gateway &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 has an invalid dns server &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the identity of clone %1 has the key &apos;%2&apos;, which cannot be a guestinfo name (letters, digits, &apos;-&apos; and &apos;_&apos; only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 has %2=%3, which is not &lt;mac&gt;[,&lt;ip&gt;/&lt;prefix&gt;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (clone %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the identity of clone %1 gives %2 the MAC %3, but its ip %4 gives %5: the identity and the .vmx would disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the identity of clone %1 describes ethernet%2, which %3 has not as a present NIC after its first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2.fileName names the disk &quot;%3&quot;, but clone %4 has no file for it: every disk of the golden must be copied or linked for a clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>clone %1: the new file name for the disk &quot;%2&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone %1: the disks &quot;%2&quot; and &quot;%3&quot; would both become &quot;%4&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_document.cpp" line="-33"/>
        <source>a NUL byte in the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key before &apos;=&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no &apos;=&apos; after the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the closing quote is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text after the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: expected key = &quot;value&quot; (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 line %2: .encoding &quot;%3&quot; is not a character set this build can read; save the file as UTF-8 and set .encoding = &quot;UTF-8&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file&apos;s .encoding says %1; correct it to the character set the file was written in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file has no .encoding line, so it is read as UTF-8; add .encoding = &quot;windows-1252&quot; (or the character set it was written in) as its first line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 line %2: the value is not valid %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 line %2: the key is not valid %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 bytes, too large for a .vmx (they are a few KB): is it the VM&apos;s configuration file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot make %1 private: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/vmx/vmx_snapshots.cpp" line="+14"/>
        <source>take one in Workstation Pro (VM &gt; Snapshot &gt; Take Snapshot) or with `vmrun -T ws snapshot &quot;%1&quot; NAME` while it is off, then let vmeclone accept the golden&apos;s changed files (golden remove and golden add)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no snapshot (no %2): vmrun&apos;s linked clone starts from a snapshot of the golden; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the snapshot list %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no current snapshot (%2 names none): vmrun&apos;s linked clone starts from a snapshot of the golden; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the current snapshot of %1 (uid %2 in %3) has no name, so vmrun cannot be told which one to clone from: name it in Workstation Pro&apos;s Snapshot Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names the current snapshot uid %2 but describes no such snapshot: open the golden&apos;s Snapshot Manager in Workstation Pro, or take a new snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::FirstRunPanel</name>
    <message>
        <location filename="../../ui/first_run_panel.cpp" line="+21"/>
        <source>Welcome to vmeclone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To clone VMs, vmeclone needs a golden image (the VM every clone is copied from) and at least one disk shard (a folder where the clones&apos; disks are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Use the demo golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;golden image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;disk shard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small Linux VM for QEMU, with two disk shards in the data folder: ready to clone in one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your own VM: a QEMU machine description (.json) or a VMware VM&apos;s .vmx, powered off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder on a disk with room for the clones; add one per disk to spread them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Setting up the demo golden image and two disk shards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This console was built without the demo golden image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo golden image %1 is missing: build it with cmake --build build --target demo-golden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::GuestViewPanel</name>
    <message>
        <location filename="../../ui/guest_view_panel.cpp" line="+20"/>
        <source>Not asked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads the running guest&apos;s own view through qemu-guest-agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The guest says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The inventory says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This guest cannot be asked from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asking the guest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The guest did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The guest&apos;s own view differs from the inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Machine ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSH host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read at %1: the guest agrees with the inventory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Read at %1: the guest differs in %n field(s).</source>
        <translation>
            <numerusform>Read at %1: the guest differs in %n field.</numerusform>
            <numerusform>Read at %1: the guest differs in %n fields.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vmeclone::HostFeed</name>
    <message>
        <location filename="../../ui/host_feed.cpp" line="+30"/>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>cannot open the inventory to ask the hosts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot read the hosts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>host %1 cannot be asked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>host %1 answers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%1: %n VM(s) on host %2</source>
        <translation>
            <numerusform>%1: %n VM on host %2</numerusform>
            <numerusform>%1: %n VMs on host %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cloning %1 over hosts %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on hosts finished: %2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::HostsPanel</name>
    <message>
        <location filename="../../ui/hosts_panel.cpp" line="+34"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VMs by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No hosts yet. Add one with: vmeclone host add NAME USER@ADDRESS (see docs/hosts.md); its VMs then show here and in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Its VMs are greyed in the table as &quot;host unreachable&quot;, with their last known state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::LogPane</name>
    <message>
        <location filename="../../ui/log_pane.cpp" line="+48"/>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show from level:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="+70"/>
        <location line="+141"/>
        <source>vmeclone console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Filter by name, address, MAC, shard, state or detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the VMs of one host only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cancelling batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No VMs yet. Press %1 to clone a range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No VM matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+81"/>
        <source>&amp;Clone range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open VM page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest&amp;art</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel &amp;all batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelling every running batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;golden image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/main_window_setup.cpp" line="+256"/>
        <source>Remove golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Console address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add disk &amp;shard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/main_window_setup.cpp" line="+80"/>
        <source>Remove disk shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change shard &amp;weight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label shard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hosts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by &amp;host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No hosts: this machine&apos;s VMs are all there is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listener &amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About vmeclone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="-270"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Console…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Golden images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used / free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+129"/>
        <source>golden image %1 added from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>For the golden image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a QEMU golden image: its guests reach this host at QEMU&apos;s own host address, so it has no console address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a VMware golden image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>golden image %1: console address %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+7"/>
        <source>Label shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A short name for %1, shown instead of its folder&apos;s (empty: none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_batches.cpp" line="+46"/>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>batch %1 finished: %2 done, %3 failed, cancelled: %4 not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>batch %1 finished: %2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%1: %n VM(s) started; following them until online</source>
        <translation>
            <numerusform>%1: %n VM started; following it until online</numerusform>
            <numerusform>%1: %n VMs started; following them until online</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 done, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: %2 of %3 online (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not followed to the end: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2: %3 (%4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch %1 settled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batch history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/main_window_setup.cpp" line="-267"/>
        <source>VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No batch has finished since the console started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="+0"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Disk shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="+38"/>
        <source>%1 on hosts: %2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/main_window_setup.cpp" line="+15"/>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Not listening here: %1. States come from the process that listens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listening on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 (suffix %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n VM(s) on hosts</source>
        <translation>
            <numerusform>%n VM on hosts</numerusform>
            <numerusform>%n VMs on hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n golden image(s)</source>
        <translation>
            <numerusform>%n golden image</numerusform>
            <numerusform>%n golden images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n disk shard(s)</source>
        <translation>
            <numerusform>%n disk shard</numerusform>
            <numerusform>%n disk shards</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no golden image yet: add one (Setup &gt; Add golden image) and a disk shard to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>first start: adding the demo golden image %1 and the disk shards %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the demo golden image could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo golden image could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the disk shard %1 could not be added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk shard %1 could not be added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%1: closing the console, cancelling %n running batch(es)</source>
        <translation>
            <numerusform>%1: closing the console, cancelling %n running batch</numerusform>
            <numerusform>%1: closing the console, cancelling %n running batches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: closing the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window_batches.cpp" line="-84"/>
        <source> (cancelled: %n not made)</source>
        <translation>
            <numerusform> (cancelled: %n not made)</numerusform>
            <numerusform> (cancelled: %n not made)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+10"/>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No golden image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Add a golden image first (Setup &gt; Add golden image).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+87"/>
        <source>Select one or more VMs in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Nothing to start: the selected VMs run already, or are being made, stopped or released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to stop: none of the selected VMs runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>cloning %n VM(s) from %1 (%2, started when made)</source>
        <translation>
            <numerusform>cloning %n VM from %1 (%2, started when made)</numerusform>
            <numerusform>cloning %n VMs from %1 (%2, started when made)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>cloning %n VM(s) from %1 (%2, not started)</source>
        <translation>
            <numerusform>cloning %n VM from %1 (%2, not started)</numerusform>
            <numerusform>cloning %n VMs from %1 (%2, not started)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cloning %1 over hosts %2 (%3, started when made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cloning %1 over hosts %2 (%3, not started)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1: %n VM(s)</source>
        <translation>
            <numerusform>%1: %n VM</numerusform>
            <numerusform>%1: %n VMs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1  %2  on host %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Addresses (e.g. 177-254 or 177,180-190):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No VM there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No VM in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Release VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Release %n VM(s)? Each is stopped, its folder with all its files is deleted, and its address becomes free.</source>
        <translation>
            <numerusform>Release %n VM? Each is stopped, its folder with all its files is deleted, and its address becomes free.</numerusform>
            <numerusform>Release %n VMs? Each is stopped, its folder with all its files is deleted, and its address becomes free.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Release and delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What will be deleted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… and %n more (see the details)</numerusform>
            <numerusform>… and %n more (see the details)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window_batches.cpp" line="+51"/>
        <source>Batch finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_setup.cpp" line="+11"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ansible inventory (*.yml *.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+61"/>
        <source>Export inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 is not a report format: name the file .csv, .json, .html, .pdf or .yml (Ansible inventory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Cannot export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exported %n VM(s) to %1</source>
        <translation>
            <numerusform>Exported %n VM to %1</numerusform>
            <numerusform>Exported %n VMs to %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a golden image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>Add disk shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Relative share of new VMs for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <location line="+23"/>
        <source>Select a disk shard first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+6"/>
        <source>Change shard weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Relative share of new VMs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="+33"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The language changes when the console starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About vmeclone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vmeclone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clones golden image VMs by the range, on QEMU or VMware Workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announcements: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no listener attached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Listener port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>UDP port the guests announce themselves to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Port %1 is used from the next start; clones made before keep the port they were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="+9"/>
        <source>Batches running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n batch(es) still running. Cancel them and quit? VMs being copied are rolled back.</source>
        <translation>
            <numerusform>%n batch still running. Cancel them and quit? VMs being copied are rolled back.</numerusform>
            <numerusform>%n batches still running. Cancel them and quit? VMs being copied are rolled back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vmeclone::Report</name>
    <message numerus="yes">
        <location filename="../../core/report/report_document.cpp" line="+113"/>
        <source>Generated %1 · inventory %2 · %n VMs</source>
        <translation>
            <numerusform>Generated %1 · inventory %2 · %n VM</numerusform>
            <numerusform>Generated %1 · inventory %2 · %n VMs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VMs per state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+89"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+49"/>
        <source>VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Golden images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No golden image is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+66"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Disk shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No disk shard is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>VMs</source>
        <comment>the heading of the list of VMs</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No VMs in the inventory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Golden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/report/report_text.cpp" line="+16"/>
        <source>vmeclone inventory report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>instant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::StatusBoard</name>
    <message>
        <location filename="../../ui/status_board.cpp" line="+19"/>
        <source>VMs by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Per second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected packets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <source>No batch running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-138"/>
        <source>%n VM(s) in all</source>
        <translation>
            <numerusform>%n VM in all</numerusform>
            <numerusform>%n VMs in all</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>truncated packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>packet too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a vmeclone announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown protocol version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>malformed announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsigned (unsigned guests are not allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bad signature (wrong key, or an address that is not the key&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no VM with that address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAC address not the VM&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replayed (an old sequence number or boot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM stopping, stopped or being released (expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many packets from one source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many announcements for one VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (and %2 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Announcements the listener refused. A guest still speaking while its VM stops or is released is expected and not counted; anything else means a packet that was not a current, signed announcement of a running VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ETA %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: 0 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The VMs are made and started; stop waiting for them here (they go on booting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::TableColumns</name>
    <message>
        <location filename="../../ui/table_columns.cpp" line="+49"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::TextFormat</name>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="+494"/>
        <location filename="../../core/common/text_format.cpp" line="+21"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/common/text_format.cpp" line="+2"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::VmPage</name>
    <message>
        <location filename="../../ui/vm_page.cpp" line="+35"/>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Instance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key scheme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clone mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last announcement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No serial log yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Following %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::VmStateStyle</name>
    <message>
        <location filename="../../ui/vm_state_style.cpp" line="+19"/>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configuring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>releasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::VmTableModel</name>
    <message>
        <location filename="../../ui/vm_table_model.cpp" line="+31"/>
        <source>host unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Host %1 could not be asked (%2); the row shows its last known state: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmeclone::cli</name>
    <message>
        <location filename="../../core/cluster/host_self.cpp" line="+144"/>
        <source>host %1: starting the listener there printed no process id (&apos;%2&apos;): see %3 there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot make the data folder %1: check its parent&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot start %1 listen: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
