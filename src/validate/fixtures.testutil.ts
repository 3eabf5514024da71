// Valid manifests of every supported kind, as a learner would write them (used by several tests).

export const VALID_MANIFESTS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Node
metadata:
  name: node-a
  labels:
    topology.kubernetes.io/zone: zone-a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: api
  namespace: shop
spec:
  replicas: 1
  selector:
    matchExpressions:
    - {key: app, operator: In, values: [api]}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: api:1
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
  labels:
    app: debug
spec:
  nodeName: node-a
  containers:
  - name: sh
    image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: metrics
    port: 9090
    protocol: TCP
    appProtocol: kubernetes.io/h2c
---
apiVersion: v1
kind: Service
metadata:
  name: headless
  namespace: shop
spec:
  clusterIP: None
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: external
  namespace: shop
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: v1
kind: Service
metadata:
  name: np
  namespace: shop
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: legacy-1
  namespace: shop
  labels:
    kubernetes.io/service-name: legacy
addressType: IPv4
endpoints:
- addresses: ["10.1.2.3"]
  conditions:
    ready: true
  nodeName: node-a
  zone: zone-a
ports:
- name: http
  port: 70000
  protocol: TCP
---
apiVersion: v1
kind: Endpoints
metadata:
  name: legacy
  namespace: shop
subsets:
- addresses:
  - ip: 10.1.2.3
  ports:
  - port: 8080
`;
