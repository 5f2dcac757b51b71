<#-- The egress rule to one environment's brokers, read from its bootstrap servers (servers). -->
<#assign ports = []>
<#assign namespaces = []>
<#list servers?split(",") as server>
<#assign port = server?keep_after_last(":")>
<#if !ports?seq_contains(port)><#assign ports += [port]></#if>
<#-- a Service name such as kafka-bootstrap.kafka.svc names the namespace the brokers run in -->
<#assign inCluster = server?keep_before_last(":")?matches("[a-z0-9-]+\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?")>
<#assign namespaces += [inCluster?then(inCluster?groups[1], "")]>
</#list>
<#assign namespace = namespaces?filter(n -> n != namespaces[0])?has_content?then("", namespaces[0])>
networkPolicy:
  brokers:
<#if namespace?has_content>
    # the brokers run in this cluster, in this namespace
    namespace: ${yaml(namespace)}
<#else>
    # the brokers are outside this cluster: any address on their ports; list their CIDR blocks to narrow it
    namespace: ""
    cidrs: []
</#if>
    ports: [${ports?join(", ")}]
